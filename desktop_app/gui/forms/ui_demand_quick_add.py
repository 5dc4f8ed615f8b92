# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'demand_quick_add.ui'
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
    QDialogButtonBox, QGridLayout, QLabel, QLineEdit,
    QPushButton, QSizePolicy, QVBoxLayout, QWidget)

class Ui_QuickAddDialog(object):
    def setupUi(self, QuickAddDialog):
        if not QuickAddDialog.objectName():
            QuickAddDialog.setObjectName(u"QuickAddDialog")
        QuickAddDialog.resize(440, 100)
        QuickAddDialog.setMinimumSize(QSize(440, 0))
        QuickAddDialog.setModal(True)
        self.dialogLayout = QVBoxLayout(QuickAddDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.fieldsLayout = QGridLayout()
        self.fieldsLayout.setObjectName(u"fieldsLayout")
        self.fieldsLayout.setHorizontalSpacing(10)
        self.nameEditLabel = QLabel(QuickAddDialog)
        self.nameEditLabel.setObjectName(u"nameEditLabel")

        self.fieldsLayout.addWidget(self.nameEditLabel, 0, 0, 1, 1)

        self.nameEdit = QLineEdit(QuickAddDialog)
        self.nameEdit.setObjectName(u"nameEdit")

        self.fieldsLayout.addWidget(self.nameEdit, 0, 1, 1, 1)

        self.nameError = QLabel(QuickAddDialog)
        self.nameError.setObjectName(u"nameError")
        self.nameError.setWordWrap(True)
        self.nameError.setVisible(False)

        self.fieldsLayout.addWidget(self.nameError, 1, 1, 1, 1)

        self.emailEditLabel = QLabel(QuickAddDialog)
        self.emailEditLabel.setObjectName(u"emailEditLabel")

        self.fieldsLayout.addWidget(self.emailEditLabel, 2, 0, 1, 1)

        self.emailEdit = QLineEdit(QuickAddDialog)
        self.emailEdit.setObjectName(u"emailEdit")

        self.fieldsLayout.addWidget(self.emailEdit, 2, 1, 1, 1)

        self.emailError = QLabel(QuickAddDialog)
        self.emailError.setObjectName(u"emailError")
        self.emailError.setWordWrap(True)
        self.emailError.setVisible(False)

        self.fieldsLayout.addWidget(self.emailError, 3, 1, 1, 1)

        self.openExistingButton = QPushButton(QuickAddDialog)
        self.openExistingButton.setObjectName(u"openExistingButton")
        self.openExistingButton.setVisible(False)

        self.fieldsLayout.addWidget(self.openExistingButton, 4, 1, 1, 1)

        self.phoneEditLabel = QLabel(QuickAddDialog)
        self.phoneEditLabel.setObjectName(u"phoneEditLabel")

        self.fieldsLayout.addWidget(self.phoneEditLabel, 5, 0, 1, 1)

        self.phoneEdit = QLineEdit(QuickAddDialog)
        self.phoneEdit.setObjectName(u"phoneEdit")

        self.fieldsLayout.addWidget(self.phoneEdit, 5, 1, 1, 1)

        self.phoneError = QLabel(QuickAddDialog)
        self.phoneError.setObjectName(u"phoneError")
        self.phoneError.setWordWrap(True)
        self.phoneError.setVisible(False)

        self.fieldsLayout.addWidget(self.phoneError, 6, 1, 1, 1)

        self.companyEditLabel = QLabel(QuickAddDialog)
        self.companyEditLabel.setObjectName(u"companyEditLabel")

        self.fieldsLayout.addWidget(self.companyEditLabel, 7, 0, 1, 1)

        self.companyEdit = QLineEdit(QuickAddDialog)
        self.companyEdit.setObjectName(u"companyEdit")

        self.fieldsLayout.addWidget(self.companyEdit, 7, 1, 1, 1)

        self.companyError = QLabel(QuickAddDialog)
        self.companyError.setObjectName(u"companyError")
        self.companyError.setWordWrap(True)
        self.companyError.setVisible(False)

        self.fieldsLayout.addWidget(self.companyError, 8, 1, 1, 1)

        self.sourceComboLabel = QLabel(QuickAddDialog)
        self.sourceComboLabel.setObjectName(u"sourceComboLabel")

        self.fieldsLayout.addWidget(self.sourceComboLabel, 9, 0, 1, 1)

        self.sourceCombo = QComboBox(QuickAddDialog)
        self.sourceCombo.setObjectName(u"sourceCombo")

        self.fieldsLayout.addWidget(self.sourceCombo, 9, 1, 1, 1)

        self.sourceError = QLabel(QuickAddDialog)
        self.sourceError.setObjectName(u"sourceError")
        self.sourceError.setWordWrap(True)
        self.sourceError.setVisible(False)

        self.fieldsLayout.addWidget(self.sourceError, 10, 1, 1, 1)

        self.campaignComboLabel = QLabel(QuickAddDialog)
        self.campaignComboLabel.setObjectName(u"campaignComboLabel")

        self.fieldsLayout.addWidget(self.campaignComboLabel, 11, 0, 1, 1)

        self.campaignCombo = QComboBox(QuickAddDialog)
        self.campaignCombo.setObjectName(u"campaignCombo")

        self.fieldsLayout.addWidget(self.campaignCombo, 11, 1, 1, 1)

        self.campaignError = QLabel(QuickAddDialog)
        self.campaignError.setObjectName(u"campaignError")
        self.campaignError.setWordWrap(True)
        self.campaignError.setVisible(False)

        self.fieldsLayout.addWidget(self.campaignError, 12, 1, 1, 1)

        self.tagsEditLabel = QLabel(QuickAddDialog)
        self.tagsEditLabel.setObjectName(u"tagsEditLabel")

        self.fieldsLayout.addWidget(self.tagsEditLabel, 13, 0, 1, 1)

        self.tagsEdit = QLineEdit(QuickAddDialog)
        self.tagsEdit.setObjectName(u"tagsEdit")

        self.fieldsLayout.addWidget(self.tagsEdit, 13, 1, 1, 1)

        self.tagsError = QLabel(QuickAddDialog)
        self.tagsError.setObjectName(u"tagsError")
        self.tagsError.setWordWrap(True)
        self.tagsError.setVisible(False)

        self.fieldsLayout.addWidget(self.tagsError, 14, 1, 1, 1)


        self.dialogLayout.addLayout(self.fieldsLayout)

        self.buttonBox = QDialogButtonBox(QuickAddDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.dialogLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.nameEditLabel.setBuddy(self.nameEdit)
        self.emailEditLabel.setBuddy(self.emailEdit)
        self.phoneEditLabel.setBuddy(self.phoneEdit)
        self.companyEditLabel.setBuddy(self.companyEdit)
        self.sourceComboLabel.setBuddy(self.sourceCombo)
        self.campaignComboLabel.setBuddy(self.campaignCombo)
        self.tagsEditLabel.setBuddy(self.tagsEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(QuickAddDialog)

        QMetaObject.connectSlotsByName(QuickAddDialog)
    # setupUi

    def retranslateUi(self, QuickAddDialog):
        QuickAddDialog.setWindowTitle(QCoreApplication.translate("QuickAddDialog", u"Quick add a lead", None))
        self.nameEditLabel.setText(QCoreApplication.translate("QuickAddDialog", u"&Name:", None))
        self.nameEdit.setPlaceholderText(QCoreApplication.translate("QuickAddDialog", u"First and last name", None))
        self.emailEditLabel.setText(QCoreApplication.translate("QuickAddDialog", u"&E-mail:", None))
        self.emailEdit.setPlaceholderText(QCoreApplication.translate("QuickAddDialog", u"name@example.com", None))
        self.openExistingButton.setText(QCoreApplication.translate("QuickAddDialog", u"&Open the existing contact", None))
#if QT_CONFIG(tooltip)
        self.openExistingButton.setToolTip(QCoreApplication.translate("QuickAddDialog", u"Show the contact this e-mail already belongs to", None))
#endif // QT_CONFIG(tooltip)
        self.phoneEditLabel.setText(QCoreApplication.translate("QuickAddDialog", u"P&hone:", None))
        self.phoneEdit.setPlaceholderText(QCoreApplication.translate("QuickAddDialog", u"+44 20 7946 0018", None))
        self.companyEditLabel.setText(QCoreApplication.translate("QuickAddDialog", u"Co&mpany:", None))
        self.sourceComboLabel.setText(QCoreApplication.translate("QuickAddDialog", u"&Source:", None))
        self.campaignComboLabel.setText(QCoreApplication.translate("QuickAddDialog", u"Cam&paign:", None))
        self.tagsEditLabel.setText(QCoreApplication.translate("QuickAddDialog", u"&Tags:", None))
        self.tagsEdit.setPlaceholderText(QCoreApplication.translate("QuickAddDialog", u"Separated by commas", None))
    # retranslateUi

