# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'deals_deal_details.ui'
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
from PySide6.QtWidgets import (QApplication, QCheckBox, QDateEdit, QFormLayout,
    QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit,
    QPushButton, QSizePolicy, QSpacerItem, QVBoxLayout,
    QWidget)

class Ui_DealDetailsForm(object):
    def setupUi(self, DealDetailsForm):
        if not DealDetailsForm.objectName():
            DealDetailsForm.setObjectName(u"DealDetailsForm")
        self.mainLayout = QVBoxLayout(DealDetailsForm)
        self.mainLayout.setObjectName(u"mainLayout")
        self.detailsForm = QFormLayout()
        self.detailsForm.setObjectName(u"detailsForm")
        self.titleLabel = QLabel(DealDetailsForm)
        self.titleLabel.setObjectName(u"titleLabel")

        self.detailsForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.titleLabel)

        self.titleEdit = QLineEdit(DealDetailsForm)
        self.titleEdit.setObjectName(u"titleEdit")

        self.detailsForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.titleEdit)

        self.titleError = QLabel(DealDetailsForm)
        self.titleError.setObjectName(u"titleError")
        self.titleError.setWordWrap(True)
        self.titleError.setVisible(False)

        self.detailsForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.titleError)

        self.contactCaption = QLabel(DealDetailsForm)
        self.contactCaption.setObjectName(u"contactCaption")

        self.detailsForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.contactCaption)

        self.contactValue = QLabel(DealDetailsForm)
        self.contactValue.setObjectName(u"contactValue")
        self.contactValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.detailsForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.contactValue)

        self.stageCaption = QLabel(DealDetailsForm)
        self.stageCaption.setObjectName(u"stageCaption")

        self.detailsForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.stageCaption)

        self.stageValue = QLabel(DealDetailsForm)
        self.stageValue.setObjectName(u"stageValue")
        self.stageValue.setWordWrap(True)

        self.detailsForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.stageValue)

        self.valueLabel = QLabel(DealDetailsForm)
        self.valueLabel.setObjectName(u"valueLabel")

        self.detailsForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.valueLabel)

        self.valueEdit = QLineEdit(DealDetailsForm)
        self.valueEdit.setObjectName(u"valueEdit")

        self.detailsForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.valueEdit)

        self.valueError = QLabel(DealDetailsForm)
        self.valueError.setObjectName(u"valueError")
        self.valueError.setWordWrap(True)
        self.valueError.setVisible(False)

        self.detailsForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.valueError)

        self.expectedCloseLabel = QLabel(DealDetailsForm)
        self.expectedCloseLabel.setObjectName(u"expectedCloseLabel")

        self.detailsForm.setWidget(6, QFormLayout.ItemRole.LabelRole, self.expectedCloseLabel)

        self.expectedCloseRow = QHBoxLayout()
        self.expectedCloseRow.setObjectName(u"expectedCloseRow")
        self.expectedCloseCheck = QCheckBox(DealDetailsForm)
        self.expectedCloseCheck.setObjectName(u"expectedCloseCheck")

        self.expectedCloseRow.addWidget(self.expectedCloseCheck)

        self.expectedCloseEdit = QDateEdit(DealDetailsForm)
        self.expectedCloseEdit.setObjectName(u"expectedCloseEdit")
        self.expectedCloseEdit.setCalendarPopup(True)

        self.expectedCloseRow.addWidget(self.expectedCloseEdit)

        self.expectedCloseRowSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.expectedCloseRow.addItem(self.expectedCloseRowSpacer)


        self.detailsForm.setLayout(6, QFormLayout.ItemRole.FieldRole, self.expectedCloseRow)

        self.expectedCloseError = QLabel(DealDetailsForm)
        self.expectedCloseError.setObjectName(u"expectedCloseError")
        self.expectedCloseError.setWordWrap(True)
        self.expectedCloseError.setVisible(False)

        self.detailsForm.setWidget(7, QFormLayout.ItemRole.FieldRole, self.expectedCloseError)

        self.nextStepLabel = QLabel(DealDetailsForm)
        self.nextStepLabel.setObjectName(u"nextStepLabel")

        self.detailsForm.setWidget(8, QFormLayout.ItemRole.LabelRole, self.nextStepLabel)

        self.nextStepEdit = QLineEdit(DealDetailsForm)
        self.nextStepEdit.setObjectName(u"nextStepEdit")

        self.detailsForm.setWidget(8, QFormLayout.ItemRole.FieldRole, self.nextStepEdit)

        self.nextStepError = QLabel(DealDetailsForm)
        self.nextStepError.setObjectName(u"nextStepError")
        self.nextStepError.setWordWrap(True)
        self.nextStepError.setVisible(False)

        self.detailsForm.setWidget(9, QFormLayout.ItemRole.FieldRole, self.nextStepError)

        self.nextStepOnLabel = QLabel(DealDetailsForm)
        self.nextStepOnLabel.setObjectName(u"nextStepOnLabel")

        self.detailsForm.setWidget(10, QFormLayout.ItemRole.LabelRole, self.nextStepOnLabel)

        self.nextStepOnRow = QHBoxLayout()
        self.nextStepOnRow.setObjectName(u"nextStepOnRow")
        self.nextStepOnCheck = QCheckBox(DealDetailsForm)
        self.nextStepOnCheck.setObjectName(u"nextStepOnCheck")

        self.nextStepOnRow.addWidget(self.nextStepOnCheck)

        self.nextStepOnEdit = QDateEdit(DealDetailsForm)
        self.nextStepOnEdit.setObjectName(u"nextStepOnEdit")
        self.nextStepOnEdit.setCalendarPopup(True)

        self.nextStepOnRow.addWidget(self.nextStepOnEdit)

        self.nextStepOnRowSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.nextStepOnRow.addItem(self.nextStepOnRowSpacer)


        self.detailsForm.setLayout(10, QFormLayout.ItemRole.FieldRole, self.nextStepOnRow)

        self.nextStepOnError = QLabel(DealDetailsForm)
        self.nextStepOnError.setObjectName(u"nextStepOnError")
        self.nextStepOnError.setWordWrap(True)
        self.nextStepOnError.setVisible(False)

        self.detailsForm.setWidget(11, QFormLayout.ItemRole.FieldRole, self.nextStepOnError)

        self.notesLabel = QLabel(DealDetailsForm)
        self.notesLabel.setObjectName(u"notesLabel")

        self.detailsForm.setWidget(12, QFormLayout.ItemRole.LabelRole, self.notesLabel)

        self.notesEdit = QPlainTextEdit(DealDetailsForm)
        self.notesEdit.setObjectName(u"notesEdit")
        self.notesEdit.setTabChangesFocus(True)
        self.notesEdit.setMaximumSize(QSize(16777215, 90))

        self.detailsForm.setWidget(12, QFormLayout.ItemRole.FieldRole, self.notesEdit)


        self.mainLayout.addLayout(self.detailsForm)

        self.formError = QLabel(DealDetailsForm)
        self.formError.setObjectName(u"formError")
        self.formError.setWordWrap(True)
        self.formError.setVisible(False)

        self.mainLayout.addWidget(self.formError)

        self.saveRow = QHBoxLayout()
        self.saveRow.setObjectName(u"saveRow")
        self.saveSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.saveRow.addItem(self.saveSpacer)

        self.saveButton = QPushButton(DealDetailsForm)
        self.saveButton.setObjectName(u"saveButton")

        self.saveRow.addWidget(self.saveButton)


        self.mainLayout.addLayout(self.saveRow)

#if QT_CONFIG(shortcut)
        self.titleLabel.setBuddy(self.titleEdit)
        self.contactCaption.setBuddy(self.contactValue)
        self.stageCaption.setBuddy(self.stageValue)
        self.valueLabel.setBuddy(self.valueEdit)
        self.expectedCloseLabel.setBuddy(self.expectedCloseCheck)
        self.nextStepLabel.setBuddy(self.nextStepEdit)
        self.nextStepOnLabel.setBuddy(self.nextStepOnCheck)
        self.notesLabel.setBuddy(self.notesEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(DealDetailsForm)

        QMetaObject.connectSlotsByName(DealDetailsForm)
    # setupUi

    def retranslateUi(self, DealDetailsForm):
        self.titleLabel.setText(QCoreApplication.translate("DealDetailsForm", u"&Title:", None))
        self.contactCaption.setText(QCoreApplication.translate("DealDetailsForm", u"Contact:", None))
        self.stageCaption.setText(QCoreApplication.translate("DealDetailsForm", u"Stage:", None))
        self.valueLabel.setText(QCoreApplication.translate("DealDetailsForm", u"&Value:", None))
        self.expectedCloseLabel.setText(QCoreApplication.translate("DealDetailsForm", u"E&xpected close:", None))
        self.expectedCloseCheck.setText(QCoreApplication.translate("DealDetailsForm", u"On", None))
        self.expectedCloseEdit.setDisplayFormat(QCoreApplication.translate("DealDetailsForm", u"d MMM yyyy", None))
        self.nextStepLabel.setText(QCoreApplication.translate("DealDetailsForm", u"Next ste&p:", None))
        self.nextStepOnLabel.setText(QCoreApplication.translate("DealDetailsForm", u"Next step &date:", None))
        self.nextStepOnCheck.setText(QCoreApplication.translate("DealDetailsForm", u"On", None))
        self.nextStepOnEdit.setDisplayFormat(QCoreApplication.translate("DealDetailsForm", u"d MMM yyyy", None))
        self.notesLabel.setText(QCoreApplication.translate("DealDetailsForm", u"N&otes:", None))
        self.saveButton.setText(QCoreApplication.translate("DealDetailsForm", u"S&ave details", None))
#if QT_CONFIG(tooltip)
        self.saveButton.setToolTip(QCoreApplication.translate("DealDetailsForm", u"Save the deal's details (Ctrl+S)", None))
#endif // QT_CONFIG(tooltip)
        pass
    # retranslateUi

