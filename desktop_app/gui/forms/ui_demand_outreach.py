# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'demand_outreach.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDateTimeEdit,
    QDialog, QDialogButtonBox, QGridLayout, QLabel,
    QLineEdit, QSizePolicy, QVBoxLayout, QWidget)

class Ui_OutreachDialog(object):
    def setupUi(self, OutreachDialog):
        if not OutreachDialog.objectName():
            OutreachDialog.setObjectName(u"OutreachDialog")
        OutreachDialog.resize(440, 100)
        OutreachDialog.setMinimumSize(QSize(440, 0))
        OutreachDialog.setModal(True)
        self.dialogLayout = QVBoxLayout(OutreachDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.fieldsLayout = QGridLayout()
        self.fieldsLayout.setObjectName(u"fieldsLayout")
        self.fieldsLayout.setHorizontalSpacing(10)
        self.leadsLabel = QLabel(OutreachDialog)
        self.leadsLabel.setObjectName(u"leadsLabel")
        self.leadsLabel.setWordWrap(True)

        self.fieldsLayout.addWidget(self.leadsLabel, 0, 0, 1, 2)

        self.slotComboLabel = QLabel(OutreachDialog)
        self.slotComboLabel.setObjectName(u"slotComboLabel")

        self.fieldsLayout.addWidget(self.slotComboLabel, 1, 0, 1, 1)

        self.slotCombo = QComboBox(OutreachDialog)
        self.slotCombo.setObjectName(u"slotCombo")

        self.fieldsLayout.addWidget(self.slotCombo, 1, 1, 1, 1)

        self.dueEditLabel = QLabel(OutreachDialog)
        self.dueEditLabel.setObjectName(u"dueEditLabel")

        self.fieldsLayout.addWidget(self.dueEditLabel, 2, 0, 1, 1)

        self.dueEdit = QDateTimeEdit(OutreachDialog)
        self.dueEdit.setObjectName(u"dueEdit")
        self.dueEdit.setCalendarPopup(True)

        self.fieldsLayout.addWidget(self.dueEdit, 2, 1, 1, 1)

        self.dueError = QLabel(OutreachDialog)
        self.dueError.setObjectName(u"dueError")
        self.dueError.setWordWrap(True)
        self.dueError.setVisible(False)

        self.fieldsLayout.addWidget(self.dueError, 3, 1, 1, 1)

        self.subjectEditLabel = QLabel(OutreachDialog)
        self.subjectEditLabel.setObjectName(u"subjectEditLabel")

        self.fieldsLayout.addWidget(self.subjectEditLabel, 4, 0, 1, 1)

        self.subjectEdit = QLineEdit(OutreachDialog)
        self.subjectEdit.setObjectName(u"subjectEdit")

        self.fieldsLayout.addWidget(self.subjectEdit, 4, 1, 1, 1)

        self.subjectError = QLabel(OutreachDialog)
        self.subjectError.setObjectName(u"subjectError")
        self.subjectError.setWordWrap(True)
        self.subjectError.setVisible(False)

        self.fieldsLayout.addWidget(self.subjectError, 5, 1, 1, 1)


        self.dialogLayout.addLayout(self.fieldsLayout)

        self.buttonBox = QDialogButtonBox(OutreachDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.dialogLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.slotComboLabel.setBuddy(self.slotCombo)
        self.dueEditLabel.setBuddy(self.dueEdit)
        self.subjectEditLabel.setBuddy(self.subjectEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(OutreachDialog)

        QMetaObject.connectSlotsByName(OutreachDialog)
    # setupUi

    def retranslateUi(self, OutreachDialog):
        OutreachDialog.setWindowTitle(QCoreApplication.translate("OutreachDialog", u"Outreach batch", None))
        self.leadsLabel.setText(QCoreApplication.translate("OutreachDialog", u"One outreach task for each selected lead.", None))
        self.slotComboLabel.setText(QCoreApplication.translate("OutreachDialog", u"&When:", None))
        self.dueEditLabel.setText(QCoreApplication.translate("OutreachDialog", u"&Due:", None))
        self.dueEdit.setDisplayFormat(QCoreApplication.translate("OutreachDialog", u"ddd d MMM yyyy HH:mm", None))
        self.subjectEditLabel.setText(QCoreApplication.translate("OutreachDialog", u"&Subject:", None))
    # retranslateUi

