# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'demand_objection.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDialog,
    QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
    QListWidget, QListWidgetItem, QSizePolicy, QVBoxLayout,
    QWidget)

class Ui_RecordObjectionDialog(object):
    def setupUi(self, RecordObjectionDialog):
        if not RecordObjectionDialog.objectName():
            RecordObjectionDialog.setObjectName(u"RecordObjectionDialog")
        RecordObjectionDialog.setModal(True)
        RecordObjectionDialog.setMinimumSize(QSize(460, 0))
        self.mainLayout = QVBoxLayout(RecordObjectionDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.introLabel = QLabel(RecordObjectionDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.objectionForm = QFormLayout()
        self.objectionForm.setObjectName(u"objectionForm")
        self.categoryLabel = QLabel(RecordObjectionDialog)
        self.categoryLabel.setObjectName(u"categoryLabel")

        self.objectionForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.categoryLabel)

        self.categoryCombo = QComboBox(RecordObjectionDialog)
        self.categoryCombo.setObjectName(u"categoryCombo")

        self.objectionForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.categoryCombo)

        self.categoryError = QLabel(RecordObjectionDialog)
        self.categoryError.setObjectName(u"categoryError")
        self.categoryError.setWordWrap(True)
        self.categoryError.setVisible(False)

        self.objectionForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.categoryError)

        self.wordsLabel = QLabel(RecordObjectionDialog)
        self.wordsLabel.setObjectName(u"wordsLabel")

        self.objectionForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.wordsLabel)

        self.wordsEdit = QLineEdit(RecordObjectionDialog)
        self.wordsEdit.setObjectName(u"wordsEdit")

        self.objectionForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.wordsEdit)

        self.wordsError = QLabel(RecordObjectionDialog)
        self.wordsError.setObjectName(u"wordsError")
        self.wordsError.setWordWrap(True)
        self.wordsError.setVisible(False)

        self.objectionForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.wordsError)

        self.contactSearchLabel = QLabel(RecordObjectionDialog)
        self.contactSearchLabel.setObjectName(u"contactSearchLabel")

        self.objectionForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.contactSearchLabel)

        self.contactSearch = QLineEdit(RecordObjectionDialog)
        self.contactSearch.setObjectName(u"contactSearch")
        self.contactSearch.setClearButtonEnabled(True)

        self.objectionForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.contactSearch)

        self.contactList = QListWidget(RecordObjectionDialog)
        self.contactList.setObjectName(u"contactList")
        self.contactList.setMaximumSize(QSize(16777215, 110))

        self.objectionForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.contactList)

        self.contactError = QLabel(RecordObjectionDialog)
        self.contactError.setObjectName(u"contactError")
        self.contactError.setWordWrap(True)
        self.contactError.setVisible(False)

        self.objectionForm.setWidget(6, QFormLayout.ItemRole.FieldRole, self.contactError)


        self.mainLayout.addLayout(self.objectionForm)

        self.formError = QLabel(RecordObjectionDialog)
        self.formError.setObjectName(u"formError")
        self.formError.setWordWrap(True)
        self.formError.setVisible(False)

        self.mainLayout.addWidget(self.formError)

        self.buttonBox = QDialogButtonBox(RecordObjectionDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.categoryLabel.setBuddy(self.categoryCombo)
        self.wordsLabel.setBuddy(self.wordsEdit)
        self.contactSearchLabel.setBuddy(self.contactSearch)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.categoryCombo, self.wordsEdit)
        QWidget.setTabOrder(self.wordsEdit, self.contactSearch)
        QWidget.setTabOrder(self.contactSearch, self.contactList)

        self.retranslateUi(RecordObjectionDialog)

        QMetaObject.connectSlotsByName(RecordObjectionDialog)
    # setupUi

    def retranslateUi(self, RecordObjectionDialog):
        RecordObjectionDialog.setWindowTitle(QCoreApplication.translate("RecordObjectionDialog", u"Record an objection", None))
        self.introLabel.setText(QCoreApplication.translate("RecordObjectionDialog", u"An objection heard in an e-mail, at an event or anywhere but a call (the call logger records those).", None))
        self.categoryLabel.setText(QCoreApplication.translate("RecordObjectionDialog", u"&Category:", None))
        self.wordsLabel.setText(QCoreApplication.translate("RecordObjectionDialog", u"In their &words:", None))
        self.wordsEdit.setPlaceholderText(QCoreApplication.translate("RecordObjectionDialog", u"Verbatim, as the customer put it", None))
        self.contactSearchLabel.setText(QCoreApplication.translate("RecordObjectionDialog", u"Said &by:", None))
        self.contactSearch.setPlaceholderText(QCoreApplication.translate("RecordObjectionDialog", u"Optional: type a name or e-mail, Enter takes the first", None))
    # retranslateUi

