# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'business_settings.ui'
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
    QDialogButtonBox, QFormLayout, QGroupBox, QLabel,
    QPushButton, QSizePolicy, QSpinBox, QVBoxLayout,
    QWidget)

class Ui_BusinessSettingsDialog(object):
    def setupUi(self, BusinessSettingsDialog):
        if not BusinessSettingsDialog.objectName():
            BusinessSettingsDialog.setObjectName(u"BusinessSettingsDialog")
        BusinessSettingsDialog.setModal(True)
        BusinessSettingsDialog.setMinimumSize(QSize(440, 0))
        self.mainLayout = QVBoxLayout(BusinessSettingsDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.introLabel = QLabel(BusinessSettingsDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.rulesForm = QFormLayout()
        self.rulesForm.setObjectName(u"rulesForm")
        self.followUpLabel = QLabel(BusinessSettingsDialog)
        self.followUpLabel.setObjectName(u"followUpLabel")

        self.rulesForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.followUpLabel)

        self.followUpSpin = QSpinBox(BusinessSettingsDialog)
        self.followUpSpin.setObjectName(u"followUpSpin")
        self.followUpSpin.setMinimum(1)
        self.followUpSpin.setMaximum(336)

        self.rulesForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.followUpSpin)

        self.followUpError = QLabel(BusinessSettingsDialog)
        self.followUpError.setObjectName(u"followUpError")

        self.rulesForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.followUpError)

        self.staleLabel = QLabel(BusinessSettingsDialog)
        self.staleLabel.setObjectName(u"staleLabel")

        self.rulesForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.staleLabel)

        self.staleSpin = QSpinBox(BusinessSettingsDialog)
        self.staleSpin.setObjectName(u"staleSpin")
        self.staleSpin.setMinimum(1)
        self.staleSpin.setMaximum(365)

        self.rulesForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.staleSpin)

        self.staleError = QLabel(BusinessSettingsDialog)
        self.staleError.setObjectName(u"staleError")

        self.rulesForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.staleError)

        self.currencyLabel = QLabel(BusinessSettingsDialog)
        self.currencyLabel.setObjectName(u"currencyLabel")

        self.rulesForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.currencyLabel)

        self.currencyCombo = QComboBox(BusinessSettingsDialog)
        self.currencyCombo.setObjectName(u"currencyCombo")
        self.currencyCombo.setEditable(True)

        self.rulesForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.currencyCombo)

        self.currencyError = QLabel(BusinessSettingsDialog)
        self.currencyError.setObjectName(u"currencyError")

        self.rulesForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.currencyError)

        self.discoveryLabel = QLabel(BusinessSettingsDialog)
        self.discoveryLabel.setObjectName(u"discoveryLabel")

        self.rulesForm.setWidget(6, QFormLayout.ItemRole.LabelRole, self.discoveryLabel)

        self.discoverySpin = QSpinBox(BusinessSettingsDialog)
        self.discoverySpin.setObjectName(u"discoverySpin")
        self.discoverySpin.setMinimum(0)
        self.discoverySpin.setMaximum(100)

        self.rulesForm.setWidget(6, QFormLayout.ItemRole.FieldRole, self.discoverySpin)

        self.discoveryError = QLabel(BusinessSettingsDialog)
        self.discoveryError.setObjectName(u"discoveryError")

        self.rulesForm.setWidget(7, QFormLayout.ItemRole.FieldRole, self.discoveryError)

        self.demoLabel = QLabel(BusinessSettingsDialog)
        self.demoLabel.setObjectName(u"demoLabel")

        self.rulesForm.setWidget(8, QFormLayout.ItemRole.LabelRole, self.demoLabel)

        self.demoSpin = QSpinBox(BusinessSettingsDialog)
        self.demoSpin.setObjectName(u"demoSpin")
        self.demoSpin.setMinimum(0)
        self.demoSpin.setMaximum(100)

        self.rulesForm.setWidget(8, QFormLayout.ItemRole.FieldRole, self.demoSpin)

        self.demoError = QLabel(BusinessSettingsDialog)
        self.demoError.setObjectName(u"demoError")

        self.rulesForm.setWidget(9, QFormLayout.ItemRole.FieldRole, self.demoError)

        self.proposalLabel = QLabel(BusinessSettingsDialog)
        self.proposalLabel.setObjectName(u"proposalLabel")

        self.rulesForm.setWidget(10, QFormLayout.ItemRole.LabelRole, self.proposalLabel)

        self.proposalSpin = QSpinBox(BusinessSettingsDialog)
        self.proposalSpin.setObjectName(u"proposalSpin")
        self.proposalSpin.setMinimum(0)
        self.proposalSpin.setMaximum(100)

        self.rulesForm.setWidget(10, QFormLayout.ItemRole.FieldRole, self.proposalSpin)

        self.proposalError = QLabel(BusinessSettingsDialog)
        self.proposalError.setObjectName(u"proposalError")

        self.rulesForm.setWidget(11, QFormLayout.ItemRole.FieldRole, self.proposalError)

        self.negotiationLabel = QLabel(BusinessSettingsDialog)
        self.negotiationLabel.setObjectName(u"negotiationLabel")

        self.rulesForm.setWidget(12, QFormLayout.ItemRole.LabelRole, self.negotiationLabel)

        self.negotiationSpin = QSpinBox(BusinessSettingsDialog)
        self.negotiationSpin.setObjectName(u"negotiationSpin")
        self.negotiationSpin.setMinimum(0)
        self.negotiationSpin.setMaximum(100)

        self.rulesForm.setWidget(12, QFormLayout.ItemRole.FieldRole, self.negotiationSpin)

        self.negotiationError = QLabel(BusinessSettingsDialog)
        self.negotiationError.setObjectName(u"negotiationError")

        self.rulesForm.setWidget(13, QFormLayout.ItemRole.FieldRole, self.negotiationError)

        self.leadStandardLabel = QLabel(BusinessSettingsDialog)
        self.leadStandardLabel.setObjectName(u"leadStandardLabel")

        self.rulesForm.setWidget(14, QFormLayout.ItemRole.LabelRole, self.leadStandardLabel)

        self.leadStandardButton = QPushButton(BusinessSettingsDialog)
        self.leadStandardButton.setObjectName(u"leadStandardButton")
        self.leadStandardButton.setAutoDefault(False)

        self.rulesForm.setWidget(14, QFormLayout.ItemRole.FieldRole, self.leadStandardButton)

        self.mailAccountsLabel = QLabel(BusinessSettingsDialog)
        self.mailAccountsLabel.setObjectName(u"mailAccountsLabel")

        self.rulesForm.setWidget(15, QFormLayout.ItemRole.LabelRole, self.mailAccountsLabel)

        self.mailAccountsButton = QPushButton(BusinessSettingsDialog)
        self.mailAccountsButton.setObjectName(u"mailAccountsButton")
        self.mailAccountsButton.setAutoDefault(False)

        self.rulesForm.setWidget(15, QFormLayout.ItemRole.FieldRole, self.mailAccountsButton)


        self.mainLayout.addLayout(self.rulesForm)

        self.backupsGroup = QGroupBox(BusinessSettingsDialog)
        self.backupsGroup.setObjectName(u"backupsGroup")
        self.backupsForm = QFormLayout(self.backupsGroup)
        self.backupsForm.setObjectName(u"backupsForm")
        self.backupsIntro = QLabel(self.backupsGroup)
        self.backupsIntro.setObjectName(u"backupsIntro")
        self.backupsIntro.setWordWrap(True)

        self.backupsForm.setWidget(0, QFormLayout.ItemRole.SpanningRole, self.backupsIntro)

        self.backupsDailyLabel = QLabel(self.backupsGroup)
        self.backupsDailyLabel.setObjectName(u"backupsDailyLabel")

        self.backupsForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.backupsDailyLabel)

        self.backupsDailySpin = QSpinBox(self.backupsGroup)
        self.backupsDailySpin.setObjectName(u"backupsDailySpin")
        self.backupsDailySpin.setMinimum(1)
        self.backupsDailySpin.setMaximum(730)

        self.backupsForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.backupsDailySpin)

        self.backupsWeeklyLabel = QLabel(self.backupsGroup)
        self.backupsWeeklyLabel.setObjectName(u"backupsWeeklyLabel")

        self.backupsForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.backupsWeeklyLabel)

        self.backupsWeeklySpin = QSpinBox(self.backupsGroup)
        self.backupsWeeklySpin.setObjectName(u"backupsWeeklySpin")
        self.backupsWeeklySpin.setMinimum(0)
        self.backupsWeeklySpin.setMaximum(520)

        self.backupsForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.backupsWeeklySpin)

        self.backupsMonthlyLabel = QLabel(self.backupsGroup)
        self.backupsMonthlyLabel.setObjectName(u"backupsMonthlyLabel")

        self.backupsForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.backupsMonthlyLabel)

        self.backupsMonthlySpin = QSpinBox(self.backupsGroup)
        self.backupsMonthlySpin.setObjectName(u"backupsMonthlySpin")
        self.backupsMonthlySpin.setMinimum(0)
        self.backupsMonthlySpin.setMaximum(240)

        self.backupsForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.backupsMonthlySpin)


        self.mainLayout.addWidget(self.backupsGroup)

        self.computerGroup = QGroupBox(BusinessSettingsDialog)
        self.computerGroup.setObjectName(u"computerGroup")
        self.computerForm = QFormLayout(self.computerGroup)
        self.computerForm.setObjectName(u"computerForm")
        self.themeLabel = QLabel(self.computerGroup)
        self.themeLabel.setObjectName(u"themeLabel")

        self.computerForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.themeLabel)

        self.themeCombo = QComboBox(self.computerGroup)
        self.themeCombo.setObjectName(u"themeCombo")

        self.computerForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.themeCombo)


        self.mainLayout.addWidget(self.computerGroup)

        self.formError = QLabel(BusinessSettingsDialog)
        self.formError.setObjectName(u"formError")

        self.mainLayout.addWidget(self.formError)

        self.buttonBox = QDialogButtonBox(BusinessSettingsDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.followUpLabel.setBuddy(self.followUpSpin)
        self.staleLabel.setBuddy(self.staleSpin)
        self.currencyLabel.setBuddy(self.currencyCombo)
        self.discoveryLabel.setBuddy(self.discoverySpin)
        self.demoLabel.setBuddy(self.demoSpin)
        self.proposalLabel.setBuddy(self.proposalSpin)
        self.negotiationLabel.setBuddy(self.negotiationSpin)
        self.backupsDailyLabel.setBuddy(self.backupsDailySpin)
        self.backupsWeeklyLabel.setBuddy(self.backupsWeeklySpin)
        self.backupsMonthlyLabel.setBuddy(self.backupsMonthlySpin)
        self.themeLabel.setBuddy(self.themeCombo)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.followUpSpin, self.staleSpin)
        QWidget.setTabOrder(self.staleSpin, self.currencyCombo)
        QWidget.setTabOrder(self.currencyCombo, self.discoverySpin)
        QWidget.setTabOrder(self.discoverySpin, self.demoSpin)
        QWidget.setTabOrder(self.demoSpin, self.proposalSpin)
        QWidget.setTabOrder(self.proposalSpin, self.negotiationSpin)
        QWidget.setTabOrder(self.negotiationSpin, self.leadStandardButton)
        QWidget.setTabOrder(self.leadStandardButton, self.mailAccountsButton)
        QWidget.setTabOrder(self.mailAccountsButton, self.backupsDailySpin)
        QWidget.setTabOrder(self.backupsDailySpin, self.backupsWeeklySpin)
        QWidget.setTabOrder(self.backupsWeeklySpin, self.backupsMonthlySpin)
        QWidget.setTabOrder(self.backupsMonthlySpin, self.themeCombo)

        self.retranslateUi(BusinessSettingsDialog)

        QMetaObject.connectSlotsByName(BusinessSettingsDialog)
    # setupUi

    def retranslateUi(self, BusinessSettingsDialog):
        BusinessSettingsDialog.setWindowTitle(QCoreApplication.translate("BusinessSettingsDialog", u"Settings", None))
        self.introLabel.setText(QCoreApplication.translate("BusinessSettingsDialog", u"These rules live in the book and travel with it: every window and figure uses them at once.", None))
        self.followUpLabel.setText(QCoreApplication.translate("BusinessSettingsDialog", u"&Follow-up promise:", None))
        self.followUpSpin.setSuffix(QCoreApplication.translate("BusinessSettingsDialog", u" h", None))
#if QT_CONFIG(tooltip)
        self.followUpSpin.setToolTip(QCoreApplication.translate("BusinessSettingsDialog", u"A lead that became an MQL is contacted within this many hours; later is a broken promise", None))
#endif // QT_CONFIG(tooltip)
        self.followUpError.setText("")
        self.staleLabel.setText(QCoreApplication.translate("BusinessSettingsDialog", u"A deal goes &stale after:", None))
        self.staleSpin.setSuffix(QCoreApplication.translate("BusinessSettingsDialog", u" days", None))
#if QT_CONFIG(tooltip)
        self.staleSpin.setToolTip(QCoreApplication.translate("BusinessSettingsDialog", u"An open deal with no activity for longer than this is stale", None))
#endif // QT_CONFIG(tooltip)
        self.staleError.setText("")
        self.currencyLabel.setText(QCoreApplication.translate("BusinessSettingsDialog", u"C&urrency of new deals:", None))
#if QT_CONFIG(tooltip)
        self.currencyCombo.setToolTip(QCoreApplication.translate("BusinessSettingsDialog", u"A three-letter code (EUR, USD, GBP\u2026): new deals are in it, and the review shows money in it", None))
#endif // QT_CONFIG(tooltip)
        self.currencyError.setText("")
        self.discoveryLabel.setText(QCoreApplication.translate("BusinessSettingsDialog", u"Probability in &discovery:", None))
        self.discoverySpin.setSuffix(QCoreApplication.translate("BusinessSettingsDialog", u" %", None))
#if QT_CONFIG(tooltip)
        self.discoverySpin.setToolTip(QCoreApplication.translate("BusinessSettingsDialog", u"The weighted pipeline counts a deal in discovery at this share of its value", None))
#endif // QT_CONFIG(tooltip)
        self.discoveryError.setText("")
        self.demoLabel.setText(QCoreApplication.translate("BusinessSettingsDialog", u"Probability in d&emo:", None))
        self.demoSpin.setSuffix(QCoreApplication.translate("BusinessSettingsDialog", u" %", None))
#if QT_CONFIG(tooltip)
        self.demoSpin.setToolTip(QCoreApplication.translate("BusinessSettingsDialog", u"The weighted pipeline counts a deal in demo at this share of its value", None))
#endif // QT_CONFIG(tooltip)
        self.demoError.setText("")
        self.proposalLabel.setText(QCoreApplication.translate("BusinessSettingsDialog", u"Probability in &proposal:", None))
        self.proposalSpin.setSuffix(QCoreApplication.translate("BusinessSettingsDialog", u" %", None))
#if QT_CONFIG(tooltip)
        self.proposalSpin.setToolTip(QCoreApplication.translate("BusinessSettingsDialog", u"The weighted pipeline counts a deal in proposal at this share of its value", None))
#endif // QT_CONFIG(tooltip)
        self.proposalError.setText("")
        self.negotiationLabel.setText(QCoreApplication.translate("BusinessSettingsDialog", u"Probability in &negotiation:", None))
        self.negotiationSpin.setSuffix(QCoreApplication.translate("BusinessSettingsDialog", u" %", None))
#if QT_CONFIG(tooltip)
        self.negotiationSpin.setToolTip(QCoreApplication.translate("BusinessSettingsDialog", u"The weighted pipeline counts a deal in negotiation at this share of its value", None))
#endif // QT_CONFIG(tooltip)
        self.negotiationError.setText("")
        self.leadStandardLabel.setText(QCoreApplication.translate("BusinessSettingsDialog", u"What makes a lead an MQL:", None))
        self.leadStandardButton.setText(QCoreApplication.translate("BusinessSettingsDialog", u"&Lead standard\u2026", None))
#if QT_CONFIG(tooltip)
        self.leadStandardButton.setToolTip(QCoreApplication.translate("BusinessSettingsDialog", u"Saves these settings, then opens the lead standard (its criteria, weights and MQL threshold) in demand creation", None))
#endif // QT_CONFIG(tooltip)
        self.mailAccountsLabel.setText(QCoreApplication.translate("BusinessSettingsDialog", u"Where e-mails come from:", None))
        self.mailAccountsButton.setText(QCoreApplication.translate("BusinessSettingsDialog", u"M&ail accounts\u2026", None))
#if QT_CONFIG(tooltip)
        self.mailAccountsButton.setToolTip(QCoreApplication.translate("BusinessSettingsDialog", u"Saves these settings, then opens the mail accounts whose e-mails with contacts Tandem reads (also File \u25b8 Mail accounts\u2026)", None))
#endif // QT_CONFIG(tooltip)
        self.backupsGroup.setTitle(QCoreApplication.translate("BusinessSettingsDialog", u"Backups", None))
        self.backupsIntro.setText(QCoreApplication.translate("BusinessSettingsDialog", u"Tandem backs this book up on the first opening of each day and before every import, merge and erase, and keeps the newest backup of each of the last:", None))
        self.backupsDailyLabel.setText(QCoreApplication.translate("BusinessSettingsDialog", u"Da&ys:", None))
        self.backupsDailySpin.setSuffix(QCoreApplication.translate("BusinessSettingsDialog", u" days", None))
#if QT_CONFIG(tooltip)
        self.backupsDailySpin.setToolTip(QCoreApplication.translate("BusinessSettingsDialog", u"How many days keep their newest backup (at least one: the newest backup always stays)", None))
#endif // QT_CONFIG(tooltip)
        self.backupsWeeklyLabel.setText(QCoreApplication.translate("BusinessSettingsDialog", u"&Weeks:", None))
        self.backupsWeeklySpin.setSuffix(QCoreApplication.translate("BusinessSettingsDialog", u" weeks", None))
#if QT_CONFIG(tooltip)
        self.backupsWeeklySpin.setToolTip(QCoreApplication.translate("BusinessSettingsDialog", u"How many ISO weeks keep their newest backup", None))
#endif // QT_CONFIG(tooltip)
        self.backupsMonthlyLabel.setText(QCoreApplication.translate("BusinessSettingsDialog", u"&Months:", None))
        self.backupsMonthlySpin.setSuffix(QCoreApplication.translate("BusinessSettingsDialog", u" months", None))
#if QT_CONFIG(tooltip)
        self.backupsMonthlySpin.setToolTip(QCoreApplication.translate("BusinessSettingsDialog", u"How many months keep their newest backup", None))
#endif // QT_CONFIG(tooltip)
        self.computerGroup.setTitle(QCoreApplication.translate("BusinessSettingsDialog", u"On this computer", None))
        self.themeLabel.setText(QCoreApplication.translate("BusinessSettingsDialog", u"&Theme:", None))
#if QT_CONFIG(tooltip)
        self.themeCombo.setToolTip(QCoreApplication.translate("BusinessSettingsDialog", u"Light or dark, or as the system is set; kept on this computer, not in the book, and shown at once", None))
#endif // QT_CONFIG(tooltip)
        self.formError.setText("")
    # retranslateUi

