# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'deals_call_logger.ui'
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
    QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout,
    QLabel, QLineEdit, QListWidget, QListWidgetItem,
    QPlainTextEdit, QPushButton, QSizePolicy, QSpacerItem,
    QVBoxLayout, QWidget)

class Ui_CallLoggerDialog(object):
    def setupUi(self, CallLoggerDialog):
        if not CallLoggerDialog.objectName():
            CallLoggerDialog.setObjectName(u"CallLoggerDialog")
        CallLoggerDialog.setModal(True)
        CallLoggerDialog.setMinimumSize(QSize(560, 0))
        self.mainLayout = QVBoxLayout(CallLoggerDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.headingLabel = QLabel(CallLoggerDialog)
        self.headingLabel.setObjectName(u"headingLabel")
        self.headingLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.headingLabel)

        self.contactForm = QFormLayout()
        self.contactForm.setObjectName(u"contactForm")
        self.contactSearchLabel = QLabel(CallLoggerDialog)
        self.contactSearchLabel.setObjectName(u"contactSearchLabel")

        self.contactForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.contactSearchLabel)

        self.contactSearch = QLineEdit(CallLoggerDialog)
        self.contactSearch.setObjectName(u"contactSearch")
        self.contactSearch.setClearButtonEnabled(True)

        self.contactForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.contactSearch)

        self.contactList = QListWidget(CallLoggerDialog)
        self.contactList.setObjectName(u"contactList")
        self.contactList.setMaximumSize(QSize(16777215, 110))

        self.contactForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.contactList)

        self.contactError = QLabel(CallLoggerDialog)
        self.contactError.setObjectName(u"contactError")
        self.contactError.setWordWrap(True)
        self.contactError.setVisible(False)

        self.contactForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.contactError)

        self.dealLabel = QLabel(CallLoggerDialog)
        self.dealLabel.setObjectName(u"dealLabel")

        self.contactForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.dealLabel)

        self.dealCombo = QComboBox(CallLoggerDialog)
        self.dealCombo.setObjectName(u"dealCombo")

        self.contactForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.dealCombo)

        self.noDealRow = QHBoxLayout()
        self.noDealRow.setObjectName(u"noDealRow")
        self.noDealNote = QLabel(CallLoggerDialog)
        self.noDealNote.setObjectName(u"noDealNote")
        self.noDealNote.setWordWrap(True)

        self.noDealRow.addWidget(self.noDealNote)

        self.openDealButton = QPushButton(CallLoggerDialog)
        self.openDealButton.setObjectName(u"openDealButton")

        self.noDealRow.addWidget(self.openDealButton)

        self.noDealSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.noDealRow.addItem(self.noDealSpacer)


        self.contactForm.setLayout(4, QFormLayout.ItemRole.FieldRole, self.noDealRow)

        self.outcomeLabel = QLabel(CallLoggerDialog)
        self.outcomeLabel.setObjectName(u"outcomeLabel")

        self.contactForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.outcomeLabel)

        self.outcomeCombo = QComboBox(CallLoggerDialog)
        self.outcomeCombo.setObjectName(u"outcomeCombo")

        self.contactForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.outcomeCombo)

        self.outcomeError = QLabel(CallLoggerDialog)
        self.outcomeError.setObjectName(u"outcomeError")
        self.outcomeError.setWordWrap(True)
        self.outcomeError.setVisible(False)

        self.contactForm.setWidget(6, QFormLayout.ItemRole.FieldRole, self.outcomeError)

        self.notesLabel = QLabel(CallLoggerDialog)
        self.notesLabel.setObjectName(u"notesLabel")

        self.contactForm.setWidget(7, QFormLayout.ItemRole.LabelRole, self.notesLabel)

        self.notesEdit = QPlainTextEdit(CallLoggerDialog)
        self.notesEdit.setObjectName(u"notesEdit")
        self.notesEdit.setTabChangesFocus(True)
        self.notesEdit.setMaximumSize(QSize(16777215, 70))

        self.contactForm.setWidget(7, QFormLayout.ItemRole.FieldRole, self.notesEdit)

        self.objectionLabel = QLabel(CallLoggerDialog)
        self.objectionLabel.setObjectName(u"objectionLabel")

        self.contactForm.setWidget(8, QFormLayout.ItemRole.LabelRole, self.objectionLabel)

        self.objectionCategoryCombo = QComboBox(CallLoggerDialog)
        self.objectionCategoryCombo.setObjectName(u"objectionCategoryCombo")

        self.contactForm.setWidget(8, QFormLayout.ItemRole.FieldRole, self.objectionCategoryCombo)

        self.objectionCategoryError = QLabel(CallLoggerDialog)
        self.objectionCategoryError.setObjectName(u"objectionCategoryError")
        self.objectionCategoryError.setWordWrap(True)
        self.objectionCategoryError.setVisible(False)

        self.contactForm.setWidget(9, QFormLayout.ItemRole.FieldRole, self.objectionCategoryError)

        self.objectionWordsLabel = QLabel(CallLoggerDialog)
        self.objectionWordsLabel.setObjectName(u"objectionWordsLabel")

        self.contactForm.setWidget(10, QFormLayout.ItemRole.LabelRole, self.objectionWordsLabel)

        self.objectionWordsEdit = QLineEdit(CallLoggerDialog)
        self.objectionWordsEdit.setObjectName(u"objectionWordsEdit")

        self.contactForm.setWidget(10, QFormLayout.ItemRole.FieldRole, self.objectionWordsEdit)

        self.objectionWordsError = QLabel(CallLoggerDialog)
        self.objectionWordsError.setObjectName(u"objectionWordsError")
        self.objectionWordsError.setWordWrap(True)
        self.objectionWordsError.setVisible(False)

        self.contactForm.setWidget(11, QFormLayout.ItemRole.FieldRole, self.objectionWordsError)

        self.contentLabel = QLabel(CallLoggerDialog)
        self.contentLabel.setObjectName(u"contentLabel")

        self.contactForm.setWidget(12, QFormLayout.ItemRole.LabelRole, self.contentLabel)

        self.contentList = QListWidget(CallLoggerDialog)
        self.contentList.setObjectName(u"contentList")
        self.contentList.setMaximumSize(QSize(16777215, 100))

        self.contactForm.setWidget(12, QFormLayout.ItemRole.FieldRole, self.contentList)

        self.assetsError = QLabel(CallLoggerDialog)
        self.assetsError.setObjectName(u"assetsError")
        self.assetsError.setWordWrap(True)
        self.assetsError.setVisible(False)

        self.contactForm.setWidget(13, QFormLayout.ItemRole.FieldRole, self.assetsError)

        self.nextStepLabel = QLabel(CallLoggerDialog)
        self.nextStepLabel.setObjectName(u"nextStepLabel")

        self.contactForm.setWidget(14, QFormLayout.ItemRole.LabelRole, self.nextStepLabel)

        self.nextStepRow = QHBoxLayout()
        self.nextStepRow.setObjectName(u"nextStepRow")
        self.nextStepKindCombo = QComboBox(CallLoggerDialog)
        self.nextStepKindCombo.setObjectName(u"nextStepKindCombo")

        self.nextStepRow.addWidget(self.nextStepKindCombo)

        self.nextStepEdit = QLineEdit(CallLoggerDialog)
        self.nextStepEdit.setObjectName(u"nextStepEdit")

        self.nextStepRow.addWidget(self.nextStepEdit)


        self.contactForm.setLayout(14, QFormLayout.ItemRole.FieldRole, self.nextStepRow)

        self.nextStepError = QLabel(CallLoggerDialog)
        self.nextStepError.setObjectName(u"nextStepError")
        self.nextStepError.setWordWrap(True)
        self.nextStepError.setVisible(False)

        self.contactForm.setWidget(15, QFormLayout.ItemRole.FieldRole, self.nextStepError)

        self.nextStepAtLabel = QLabel(CallLoggerDialog)
        self.nextStepAtLabel.setObjectName(u"nextStepAtLabel")

        self.contactForm.setWidget(16, QFormLayout.ItemRole.LabelRole, self.nextStepAtLabel)

        self.nextStepAtRow = QHBoxLayout()
        self.nextStepAtRow.setObjectName(u"nextStepAtRow")
        self.nextStepAtEdit = QDateTimeEdit(CallLoggerDialog)
        self.nextStepAtEdit.setObjectName(u"nextStepAtEdit")
        self.nextStepAtEdit.setCalendarPopup(True)

        self.nextStepAtRow.addWidget(self.nextStepAtEdit)

        self.nextStepAtSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.nextStepAtRow.addItem(self.nextStepAtSpacer)


        self.contactForm.setLayout(16, QFormLayout.ItemRole.FieldRole, self.nextStepAtRow)

        self.nextStepAtError = QLabel(CallLoggerDialog)
        self.nextStepAtError.setObjectName(u"nextStepAtError")
        self.nextStepAtError.setWordWrap(True)
        self.nextStepAtError.setVisible(False)

        self.contactForm.setWidget(17, QFormLayout.ItemRole.FieldRole, self.nextStepAtError)

        self.stageLabel = QLabel(CallLoggerDialog)
        self.stageLabel.setObjectName(u"stageLabel")

        self.contactForm.setWidget(18, QFormLayout.ItemRole.LabelRole, self.stageLabel)

        self.stageCombo = QComboBox(CallLoggerDialog)
        self.stageCombo.setObjectName(u"stageCombo")

        self.contactForm.setWidget(18, QFormLayout.ItemRole.FieldRole, self.stageCombo)

        self.stageError = QLabel(CallLoggerDialog)
        self.stageError.setObjectName(u"stageError")
        self.stageError.setWordWrap(True)
        self.stageError.setVisible(False)

        self.contactForm.setWidget(19, QFormLayout.ItemRole.FieldRole, self.stageError)

        self.lostReasonLabel = QLabel(CallLoggerDialog)
        self.lostReasonLabel.setObjectName(u"lostReasonLabel")

        self.contactForm.setWidget(20, QFormLayout.ItemRole.LabelRole, self.lostReasonLabel)

        self.lostReasonEdit = QLineEdit(CallLoggerDialog)
        self.lostReasonEdit.setObjectName(u"lostReasonEdit")

        self.contactForm.setWidget(20, QFormLayout.ItemRole.FieldRole, self.lostReasonEdit)

        self.lostReasonError = QLabel(CallLoggerDialog)
        self.lostReasonError.setObjectName(u"lostReasonError")
        self.lostReasonError.setWordWrap(True)
        self.lostReasonError.setVisible(False)

        self.contactForm.setWidget(21, QFormLayout.ItemRole.FieldRole, self.lostReasonError)


        self.mainLayout.addLayout(self.contactForm)

        self.formError = QLabel(CallLoggerDialog)
        self.formError.setObjectName(u"formError")
        self.formError.setWordWrap(True)
        self.formError.setVisible(False)

        self.mainLayout.addWidget(self.formError)

        self.buttonBox = QDialogButtonBox(CallLoggerDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.contactSearchLabel.setBuddy(self.contactSearch)
        self.dealLabel.setBuddy(self.dealCombo)
        self.outcomeLabel.setBuddy(self.outcomeCombo)
        self.notesLabel.setBuddy(self.notesEdit)
        self.objectionLabel.setBuddy(self.objectionCategoryCombo)
        self.objectionWordsLabel.setBuddy(self.objectionWordsEdit)
        self.contentLabel.setBuddy(self.contentList)
        self.nextStepLabel.setBuddy(self.nextStepEdit)
        self.nextStepAtLabel.setBuddy(self.nextStepAtEdit)
        self.stageLabel.setBuddy(self.stageCombo)
        self.lostReasonLabel.setBuddy(self.lostReasonEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(CallLoggerDialog)

        QMetaObject.connectSlotsByName(CallLoggerDialog)
    # setupUi

    def retranslateUi(self, CallLoggerDialog):
        CallLoggerDialog.setWindowTitle(QCoreApplication.translate("CallLoggerDialog", u"Log a call", None))
        self.headingLabel.setText(QCoreApplication.translate("CallLoggerDialog", u"Log a call", None))
        self.contactSearchLabel.setText(QCoreApplication.translate("CallLoggerDialog", u"&Contact:", None))
        self.contactSearch.setPlaceholderText(QCoreApplication.translate("CallLoggerDialog", u"Type a name or an e-mail", None))
        self.dealLabel.setText(QCoreApplication.translate("CallLoggerDialog", u"De&al:", None))
        self.noDealNote.setText(QCoreApplication.translate("CallLoggerDialog", u"This contact has no open deal.", None))
        self.openDealButton.setText(QCoreApplication.translate("CallLoggerDialog", u"&Open a deal\u2026", None))
#if QT_CONFIG(tooltip)
        self.openDealButton.setToolTip(QCoreApplication.translate("CallLoggerDialog", u"Open a deal for this contact: value and expected close date (Alt+O)", None))
#endif // QT_CONFIG(tooltip)
        self.outcomeLabel.setText(QCoreApplication.translate("CallLoggerDialog", u"O&utcome:", None))
        self.notesLabel.setText(QCoreApplication.translate("CallLoggerDialog", u"&Notes:", None))
        self.notesEdit.setPlaceholderText(QCoreApplication.translate("CallLoggerDialog", u"What was said, what was agreed", None))
        self.objectionLabel.setText(QCoreApplication.translate("CallLoggerDialog", u"O&bjection:", None))
        self.objectionWordsLabel.setText(QCoreApplication.translate("CallLoggerDialog", u"Their &words:", None))
        self.objectionWordsEdit.setPlaceholderText(QCoreApplication.translate("CallLoggerDialog", u"The objection in the customer's own words", None))
        self.contentLabel.setText(QCoreApplication.translate("CallLoggerDialog", u"Cont&ent used:", None))
#if QT_CONFIG(tooltip)
        self.contentList.setToolTip(QCoreApplication.translate("CallLoggerDialog", u"Tick the assets you sent or showed (Space ticks the selected one)", None))
#endif // QT_CONFIG(tooltip)
        self.nextStepLabel.setText(QCoreApplication.translate("CallLoggerDialog", u"Ne&xt step:", None))
        self.nextStepEdit.setPlaceholderText(QCoreApplication.translate("CallLoggerDialog", u"e.g. Send the proposal (leave empty for none)", None))
        self.nextStepAtLabel.setText(QCoreApplication.translate("CallLoggerDialog", u"W&hen:", None))
        self.nextStepAtEdit.setDisplayFormat(QCoreApplication.translate("CallLoggerDialog", u"ddd d MMM yyyy HH:mm", None))
        self.stageLabel.setText(QCoreApplication.translate("CallLoggerDialog", u"S&tage:", None))
        self.lostReasonLabel.setText(QCoreApplication.translate("CallLoggerDialog", u"&Lost reason:", None))
        self.lostReasonEdit.setPlaceholderText(QCoreApplication.translate("CallLoggerDialog", u"Why the deal was lost (required to close as lost)", None))
    # retranslateUi

