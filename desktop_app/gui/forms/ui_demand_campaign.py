# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'demand_campaign.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDateEdit,
    QDialog, QDialogButtonBox, QGridLayout, QLabel,
    QLineEdit, QPlainTextEdit, QSizePolicy, QSpinBox,
    QVBoxLayout, QWidget)

class Ui_CampaignDialog(object):
    def setupUi(self, CampaignDialog):
        if not CampaignDialog.objectName():
            CampaignDialog.setObjectName(u"CampaignDialog")
        CampaignDialog.resize(460, 100)
        CampaignDialog.setMinimumSize(QSize(460, 0))
        CampaignDialog.setModal(True)
        self.dialogLayout = QVBoxLayout(CampaignDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.fieldsLayout = QGridLayout()
        self.fieldsLayout.setObjectName(u"fieldsLayout")
        self.fieldsLayout.setHorizontalSpacing(10)
        self.nameEditLabel = QLabel(CampaignDialog)
        self.nameEditLabel.setObjectName(u"nameEditLabel")

        self.fieldsLayout.addWidget(self.nameEditLabel, 0, 0, 1, 1)

        self.nameEdit = QLineEdit(CampaignDialog)
        self.nameEdit.setObjectName(u"nameEdit")

        self.fieldsLayout.addWidget(self.nameEdit, 0, 1, 1, 1)

        self.nameError = QLabel(CampaignDialog)
        self.nameError.setObjectName(u"nameError")
        self.nameError.setWordWrap(True)
        self.nameError.setVisible(False)

        self.fieldsLayout.addWidget(self.nameError, 1, 1, 1, 1)

        self.channelComboLabel = QLabel(CampaignDialog)
        self.channelComboLabel.setObjectName(u"channelComboLabel")

        self.fieldsLayout.addWidget(self.channelComboLabel, 2, 0, 1, 1)

        self.channelCombo = QComboBox(CampaignDialog)
        self.channelCombo.setObjectName(u"channelCombo")

        self.fieldsLayout.addWidget(self.channelCombo, 2, 1, 1, 1)

        self.channelError = QLabel(CampaignDialog)
        self.channelError.setObjectName(u"channelError")
        self.channelError.setWordWrap(True)
        self.channelError.setVisible(False)

        self.fieldsLayout.addWidget(self.channelError, 3, 1, 1, 1)

        self.startsEditLabel = QLabel(CampaignDialog)
        self.startsEditLabel.setObjectName(u"startsEditLabel")

        self.fieldsLayout.addWidget(self.startsEditLabel, 4, 0, 1, 1)

        self.startsEdit = QDateEdit(CampaignDialog)
        self.startsEdit.setObjectName(u"startsEdit")
        self.startsEdit.setCalendarPopup(True)
        self.startsEdit.setMinimumDate(QDate(2000, 1, 1))

        self.fieldsLayout.addWidget(self.startsEdit, 4, 1, 1, 1)

        self.startsError = QLabel(CampaignDialog)
        self.startsError.setObjectName(u"startsError")
        self.startsError.setWordWrap(True)
        self.startsError.setVisible(False)

        self.fieldsLayout.addWidget(self.startsError, 5, 1, 1, 1)

        self.endsEditLabel = QLabel(CampaignDialog)
        self.endsEditLabel.setObjectName(u"endsEditLabel")

        self.fieldsLayout.addWidget(self.endsEditLabel, 6, 0, 1, 1)

        self.endsEdit = QDateEdit(CampaignDialog)
        self.endsEdit.setObjectName(u"endsEdit")
        self.endsEdit.setCalendarPopup(True)
        self.endsEdit.setMinimumDate(QDate(2000, 1, 1))

        self.fieldsLayout.addWidget(self.endsEdit, 6, 1, 1, 1)

        self.endsError = QLabel(CampaignDialog)
        self.endsError.setObjectName(u"endsError")
        self.endsError.setWordWrap(True)
        self.endsError.setVisible(False)

        self.fieldsLayout.addWidget(self.endsError, 7, 1, 1, 1)

        self.leadTargetSpinLabel = QLabel(CampaignDialog)
        self.leadTargetSpinLabel.setObjectName(u"leadTargetSpinLabel")

        self.fieldsLayout.addWidget(self.leadTargetSpinLabel, 8, 0, 1, 1)

        self.leadTargetSpin = QSpinBox(CampaignDialog)
        self.leadTargetSpin.setObjectName(u"leadTargetSpin")
        self.leadTargetSpin.setMaximum(1000000)

        self.fieldsLayout.addWidget(self.leadTargetSpin, 8, 1, 1, 1)

        self.leadTargetError = QLabel(CampaignDialog)
        self.leadTargetError.setObjectName(u"leadTargetError")
        self.leadTargetError.setWordWrap(True)
        self.leadTargetError.setVisible(False)

        self.fieldsLayout.addWidget(self.leadTargetError, 9, 1, 1, 1)

        self.notesEditLabel = QLabel(CampaignDialog)
        self.notesEditLabel.setObjectName(u"notesEditLabel")

        self.fieldsLayout.addWidget(self.notesEditLabel, 10, 0, 1, 1, Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignTop)

        self.notesEdit = QPlainTextEdit(CampaignDialog)
        self.notesEdit.setObjectName(u"notesEdit")
        self.notesEdit.setTabChangesFocus(True)
        self.notesEdit.setMaximumSize(QSize(16777215, 90))

        self.fieldsLayout.addWidget(self.notesEdit, 10, 1, 1, 1)

        self.notesError = QLabel(CampaignDialog)
        self.notesError.setObjectName(u"notesError")
        self.notesError.setWordWrap(True)
        self.notesError.setVisible(False)

        self.fieldsLayout.addWidget(self.notesError, 11, 1, 1, 1)


        self.dialogLayout.addLayout(self.fieldsLayout)

        self.buttonBox = QDialogButtonBox(CampaignDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.dialogLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.nameEditLabel.setBuddy(self.nameEdit)
        self.channelComboLabel.setBuddy(self.channelCombo)
        self.startsEditLabel.setBuddy(self.startsEdit)
        self.endsEditLabel.setBuddy(self.endsEdit)
        self.leadTargetSpinLabel.setBuddy(self.leadTargetSpin)
        self.notesEditLabel.setBuddy(self.notesEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(CampaignDialog)

        QMetaObject.connectSlotsByName(CampaignDialog)
    # setupUi

    def retranslateUi(self, CampaignDialog):
        CampaignDialog.setWindowTitle(QCoreApplication.translate("CampaignDialog", u"Campaign", None))
        self.nameEditLabel.setText(QCoreApplication.translate("CampaignDialog", u"&Name:", None))
        self.channelComboLabel.setText(QCoreApplication.translate("CampaignDialog", u"C&hannel:", None))
        self.startsEditLabel.setText(QCoreApplication.translate("CampaignDialog", u"&Starts:", None))
        self.startsEdit.setDisplayFormat(QCoreApplication.translate("CampaignDialog", u"d MMM yyyy", None))
        self.startsEdit.setSpecialValueText(QCoreApplication.translate("CampaignDialog", u"None", None))
        self.endsEditLabel.setText(QCoreApplication.translate("CampaignDialog", u"&Ends:", None))
        self.endsEdit.setDisplayFormat(QCoreApplication.translate("CampaignDialog", u"d MMM yyyy", None))
        self.endsEdit.setSpecialValueText(QCoreApplication.translate("CampaignDialog", u"None", None))
        self.leadTargetSpinLabel.setText(QCoreApplication.translate("CampaignDialog", u"Lead &target:", None))
        self.leadTargetSpin.setSpecialValueText(QCoreApplication.translate("CampaignDialog", u"No target", None))
        self.leadTargetSpin.setSuffix(QCoreApplication.translate("CampaignDialog", u" leads", None))
        self.notesEditLabel.setText(QCoreApplication.translate("CampaignDialog", u"N&otes:", None))
    # retranslateUi

