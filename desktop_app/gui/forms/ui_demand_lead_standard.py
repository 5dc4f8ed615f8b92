# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'demand_lead_standard.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDialog, QDialogButtonBox,
    QGridLayout, QHBoxLayout, QLabel, QListWidget,
    QListWidgetItem, QPushButton, QSizePolicy, QSpacerItem,
    QSpinBox, QVBoxLayout, QWidget)

class Ui_LeadStandardDialog(object):
    def setupUi(self, LeadStandardDialog):
        if not LeadStandardDialog.objectName():
            LeadStandardDialog.setObjectName(u"LeadStandardDialog")
        LeadStandardDialog.resize(560, 100)
        LeadStandardDialog.setMinimumSize(QSize(560, 0))
        LeadStandardDialog.setModal(True)
        self.dialogLayout = QVBoxLayout(LeadStandardDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.fieldsLayout = QGridLayout()
        self.fieldsLayout.setObjectName(u"fieldsLayout")
        self.fieldsLayout.setHorizontalSpacing(10)
        self.introLabel = QLabel(LeadStandardDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.fieldsLayout.addWidget(self.introLabel, 0, 0, 1, 2)

        self.reminderLabel = QLabel(LeadStandardDialog)
        self.reminderLabel.setObjectName(u"reminderLabel")
        self.reminderLabel.setWordWrap(True)
        self.reminderLabel.setVisible(False)

        self.fieldsLayout.addWidget(self.reminderLabel, 1, 1, 1, 1)

        self.criteriaListLabel = QLabel(LeadStandardDialog)
        self.criteriaListLabel.setObjectName(u"criteriaListLabel")

        self.fieldsLayout.addWidget(self.criteriaListLabel, 2, 0, 1, 1, Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignTop)

        self.criteriaList = QListWidget(LeadStandardDialog)
        self.criteriaList.setObjectName(u"criteriaList")
        self.criteriaList.setMinimumSize(QSize(0, 150))

        self.fieldsLayout.addWidget(self.criteriaList, 2, 1, 1, 1)

        self.criteriaError = QLabel(LeadStandardDialog)
        self.criteriaError.setObjectName(u"criteriaError")
        self.criteriaError.setWordWrap(True)
        self.criteriaError.setVisible(False)

        self.fieldsLayout.addWidget(self.criteriaError, 3, 1, 1, 1)

        self.criterionButtons = QHBoxLayout()
        self.criterionButtons.setObjectName(u"criterionButtons")
        self.addButton = QPushButton(LeadStandardDialog)
        self.addButton.setObjectName(u"addButton")

        self.criterionButtons.addWidget(self.addButton)

        self.editButton = QPushButton(LeadStandardDialog)
        self.editButton.setObjectName(u"editButton")

        self.criterionButtons.addWidget(self.editButton)

        self.retireButton = QPushButton(LeadStandardDialog)
        self.retireButton.setObjectName(u"retireButton")

        self.criterionButtons.addWidget(self.retireButton)

        self.buttonsSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.criterionButtons.addItem(self.buttonsSpacer)


        self.fieldsLayout.addLayout(self.criterionButtons, 4, 1, 1, 1)

        self.thresholdSpinLabel = QLabel(LeadStandardDialog)
        self.thresholdSpinLabel.setObjectName(u"thresholdSpinLabel")

        self.fieldsLayout.addWidget(self.thresholdSpinLabel, 5, 0, 1, 1)

        self.thresholdSpin = QSpinBox(LeadStandardDialog)
        self.thresholdSpin.setObjectName(u"thresholdSpin")
        self.thresholdSpin.setMinimum(1)
        self.thresholdSpin.setMaximum(100)

        self.fieldsLayout.addWidget(self.thresholdSpin, 5, 1, 1, 1)

        self.thresholdError = QLabel(LeadStandardDialog)
        self.thresholdError.setObjectName(u"thresholdError")
        self.thresholdError.setWordWrap(True)
        self.thresholdError.setVisible(False)

        self.fieldsLayout.addWidget(self.thresholdError, 6, 1, 1, 1)

        self.reviewRowLabel = QLabel(LeadStandardDialog)
        self.reviewRowLabel.setObjectName(u"reviewRowLabel")

        self.fieldsLayout.addWidget(self.reviewRowLabel, 7, 0, 1, 1)

        self.reviewRow = QHBoxLayout()
        self.reviewRow.setObjectName(u"reviewRow")
        self.reviewedLabel = QLabel(LeadStandardDialog)
        self.reviewedLabel.setObjectName(u"reviewedLabel")
        self.reviewedLabel.setWordWrap(True)

        self.reviewRow.addWidget(self.reviewedLabel)

        self.reviewedButton = QPushButton(LeadStandardDialog)
        self.reviewedButton.setObjectName(u"reviewedButton")

        self.reviewRow.addWidget(self.reviewedButton)


        self.fieldsLayout.addLayout(self.reviewRow, 7, 1, 1, 1)


        self.dialogLayout.addLayout(self.fieldsLayout)

        self.buttonBox = QDialogButtonBox(LeadStandardDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Close)

        self.dialogLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.criteriaListLabel.setBuddy(self.criteriaList)
        self.thresholdSpinLabel.setBuddy(self.thresholdSpin)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(LeadStandardDialog)

        QMetaObject.connectSlotsByName(LeadStandardDialog)
    # setupUi

    def retranslateUi(self, LeadStandardDialog):
        LeadStandardDialog.setWindowTitle(QCoreApplication.translate("LeadStandardDialog", u"The lead standard", None))
        self.introLabel.setText(QCoreApplication.translate("LeadStandardDialog", u"Your own definition of a qualified lead: each criterion a lead meets adds its weight; a score (0\u2013100) at or above the threshold makes it an MQL.", None))
        self.reminderLabel.setStyleSheet(QCoreApplication.translate("LeadStandardDialog", u"background: #FFF4E6; color: #9C3608; padding: 6px; border-left: 3px solid #D9480F;", None))
        self.criteriaListLabel.setText(QCoreApplication.translate("LeadStandardDialog", u"&Criteria:", None))
#if QT_CONFIG(tooltip)
        self.criteriaList.setToolTip(QCoreApplication.translate("LeadStandardDialog", u"Enter edits the selected criterion", None))
#endif // QT_CONFIG(tooltip)
        self.addButton.setText(QCoreApplication.translate("LeadStandardDialog", u"&Add\u2026", None))
        self.editButton.setText(QCoreApplication.translate("LeadStandardDialog", u"&Edit\u2026", None))
        self.retireButton.setText(QCoreApplication.translate("LeadStandardDialog", u"&Retire", None))
        self.thresholdSpinLabel.setText(QCoreApplication.translate("LeadStandardDialog", u"MQL &threshold:", None))
        self.thresholdSpin.setSuffix(QCoreApplication.translate("LeadStandardDialog", u" points", None))
        self.reviewRowLabel.setText(QCoreApplication.translate("LeadStandardDialog", u"Reviewed:", None))
        self.reviewedButton.setText(QCoreApplication.translate("LeadStandardDialog", u"&Mark reviewed today", None))
    # retranslateUi

