# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'demand_spend.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDateEdit, QDialog,
    QDialogButtonBox, QGridLayout, QLabel, QLineEdit,
    QSizePolicy, QVBoxLayout, QWidget)

class Ui_SpendDialog(object):
    def setupUi(self, SpendDialog):
        if not SpendDialog.objectName():
            SpendDialog.setObjectName(u"SpendDialog")
        SpendDialog.resize(380, 100)
        SpendDialog.setMinimumSize(QSize(380, 0))
        SpendDialog.setModal(True)
        self.dialogLayout = QVBoxLayout(SpendDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.fieldsLayout = QGridLayout()
        self.fieldsLayout.setObjectName(u"fieldsLayout")
        self.fieldsLayout.setHorizontalSpacing(10)
        self.campaignLabel = QLabel(SpendDialog)
        self.campaignLabel.setObjectName(u"campaignLabel")
        self.campaignLabel.setWordWrap(True)

        self.fieldsLayout.addWidget(self.campaignLabel, 0, 0, 1, 2)

        self.spentOnEditLabel = QLabel(SpendDialog)
        self.spentOnEditLabel.setObjectName(u"spentOnEditLabel")

        self.fieldsLayout.addWidget(self.spentOnEditLabel, 1, 0, 1, 1)

        self.spentOnEdit = QDateEdit(SpendDialog)
        self.spentOnEdit.setObjectName(u"spentOnEdit")
        self.spentOnEdit.setCalendarPopup(True)

        self.fieldsLayout.addWidget(self.spentOnEdit, 1, 1, 1, 1)

        self.spentOnError = QLabel(SpendDialog)
        self.spentOnError.setObjectName(u"spentOnError")
        self.spentOnError.setWordWrap(True)
        self.spentOnError.setVisible(False)

        self.fieldsLayout.addWidget(self.spentOnError, 2, 1, 1, 1)

        self.amountEditLabel = QLabel(SpendDialog)
        self.amountEditLabel.setObjectName(u"amountEditLabel")

        self.fieldsLayout.addWidget(self.amountEditLabel, 3, 0, 1, 1)

        self.amountEdit = QLineEdit(SpendDialog)
        self.amountEdit.setObjectName(u"amountEdit")

        self.fieldsLayout.addWidget(self.amountEdit, 3, 1, 1, 1)

        self.amountError = QLabel(SpendDialog)
        self.amountError.setObjectName(u"amountError")
        self.amountError.setWordWrap(True)
        self.amountError.setVisible(False)

        self.fieldsLayout.addWidget(self.amountError, 4, 1, 1, 1)

        self.noteEditLabel = QLabel(SpendDialog)
        self.noteEditLabel.setObjectName(u"noteEditLabel")

        self.fieldsLayout.addWidget(self.noteEditLabel, 5, 0, 1, 1)

        self.noteEdit = QLineEdit(SpendDialog)
        self.noteEdit.setObjectName(u"noteEdit")

        self.fieldsLayout.addWidget(self.noteEdit, 5, 1, 1, 1)

        self.noteError = QLabel(SpendDialog)
        self.noteError.setObjectName(u"noteError")
        self.noteError.setWordWrap(True)
        self.noteError.setVisible(False)

        self.fieldsLayout.addWidget(self.noteError, 6, 1, 1, 1)


        self.dialogLayout.addLayout(self.fieldsLayout)

        self.buttonBox = QDialogButtonBox(SpendDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.dialogLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.spentOnEditLabel.setBuddy(self.spentOnEdit)
        self.amountEditLabel.setBuddy(self.amountEdit)
        self.noteEditLabel.setBuddy(self.noteEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(SpendDialog)

        QMetaObject.connectSlotsByName(SpendDialog)
    # setupUi

    def retranslateUi(self, SpendDialog):
        SpendDialog.setWindowTitle(QCoreApplication.translate("SpendDialog", u"Add spend", None))
        self.campaignLabel.setText(QCoreApplication.translate("SpendDialog", u"Spend on the campaign", None))
        self.spentOnEditLabel.setText(QCoreApplication.translate("SpendDialog", u"&Date:", None))
        self.spentOnEdit.setDisplayFormat(QCoreApplication.translate("SpendDialog", u"d MMM yyyy", None))
        self.amountEditLabel.setText(QCoreApplication.translate("SpendDialog", u"&Amount:", None))
        self.amountEdit.setPlaceholderText(QCoreApplication.translate("SpendDialog", u"e.g. 250.00", None))
        self.noteEditLabel.setText(QCoreApplication.translate("SpendDialog", u"N&ote:", None))
    # retranslateUi

