"""The window's few colours that mean something, in one place.

`ERROR` is the one red: a refusal beside a field, an overdue item, a stage that lost. The
style sheet (`resources/style.qss`) uses the same value for `QLabel[role="error"]`.
"""

from PySide6.QtGui import QColor

ERROR = QColor("#c0392b")
#: Late or overdue is shown as an error is: it needs the founder now.
LATE = ERROR
