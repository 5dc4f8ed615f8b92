# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'new_task.ui'
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
    QDialog, QDialogButtonBox, QFormLayout, QLabel,
    QLineEdit, QSizePolicy, QVBoxLayout, QWidget)

class Ui_NewTaskDialog(object):
    def setupUi(self, NewTaskDialog):
        if not NewTaskDialog.objectName():
            NewTaskDialog.setObjectName(u"NewTaskDialog")
        NewTaskDialog.setModal(True)
        NewTaskDialog.setMinimumSize(QSize(440, 0))
        self.mainLayout = QVBoxLayout(NewTaskDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.taskForm = QFormLayout()
        self.taskForm.setObjectName(u"taskForm")
        self.kindLabel = QLabel(NewTaskDialog)
        self.kindLabel.setObjectName(u"kindLabel")

        self.taskForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.kindLabel)

        self.kindCombo = QComboBox(NewTaskDialog)
        self.kindCombo.setObjectName(u"kindCombo")

        self.taskForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.kindCombo)

        self.subjectLabel = QLabel(NewTaskDialog)
        self.subjectLabel.setObjectName(u"subjectLabel")

        self.taskForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.subjectLabel)

        self.subjectEdit = QLineEdit(NewTaskDialog)
        self.subjectEdit.setObjectName(u"subjectEdit")

        self.taskForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.subjectEdit)

        self.subjectError = QLabel(NewTaskDialog)
        self.subjectError.setObjectName(u"subjectError")
        self.subjectError.setWordWrap(True)
        self.subjectError.setVisible(False)

        self.taskForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.subjectError)

        self.dueLabel = QLabel(NewTaskDialog)
        self.dueLabel.setObjectName(u"dueLabel")

        self.taskForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.dueLabel)

        self.dueEdit = QDateTimeEdit(NewTaskDialog)
        self.dueEdit.setObjectName(u"dueEdit")
        self.dueEdit.setCalendarPopup(True)

        self.taskForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.dueEdit)

        self.dueError = QLabel(NewTaskDialog)
        self.dueError.setObjectName(u"dueError")
        self.dueError.setWordWrap(True)
        self.dueError.setVisible(False)

        self.taskForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.dueError)

        self.linkLabel = QLabel(NewTaskDialog)
        self.linkLabel.setObjectName(u"linkLabel")

        self.taskForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.linkLabel)

        self.linkCombo = QComboBox(NewTaskDialog)
        self.linkCombo.setObjectName(u"linkCombo")

        self.taskForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.linkCombo)

        self.linkError = QLabel(NewTaskDialog)
        self.linkError.setObjectName(u"linkError")
        self.linkError.setWordWrap(True)
        self.linkError.setVisible(False)

        self.taskForm.setWidget(6, QFormLayout.ItemRole.FieldRole, self.linkError)


        self.mainLayout.addLayout(self.taskForm)

        self.formError = QLabel(NewTaskDialog)
        self.formError.setObjectName(u"formError")
        self.formError.setWordWrap(True)
        self.formError.setVisible(False)

        self.mainLayout.addWidget(self.formError)

        self.buttonBox = QDialogButtonBox(NewTaskDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.kindLabel.setBuddy(self.kindCombo)
        self.subjectLabel.setBuddy(self.subjectEdit)
        self.dueLabel.setBuddy(self.dueEdit)
        self.linkLabel.setBuddy(self.linkCombo)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.kindCombo, self.subjectEdit)
        QWidget.setTabOrder(self.subjectEdit, self.dueEdit)
        QWidget.setTabOrder(self.dueEdit, self.linkCombo)

        self.retranslateUi(NewTaskDialog)

        QMetaObject.connectSlotsByName(NewTaskDialog)
    # setupUi

    def retranslateUi(self, NewTaskDialog):
        NewTaskDialog.setWindowTitle(QCoreApplication.translate("NewTaskDialog", u"New task", None))
        self.kindLabel.setText(QCoreApplication.translate("NewTaskDialog", u"&Kind:", None))
        self.subjectLabel.setText(QCoreApplication.translate("NewTaskDialog", u"&Subject:", None))
        self.subjectEdit.setPlaceholderText(QCoreApplication.translate("NewTaskDialog", u"What is to be done", None))
        self.dueLabel.setText(QCoreApplication.translate("NewTaskDialog", u"D&ue:", None))
        self.dueEdit.setDisplayFormat(QCoreApplication.translate("NewTaskDialog", u"ddd d MMM yyyy HH:mm", None))
        self.linkLabel.setText(QCoreApplication.translate("NewTaskDialog", u"&With:", None))
    # retranslateUi

