# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'demand_asset.ui'
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
    QListWidget, QListWidgetItem, QPlainTextEdit, QPushButton,
    QSizePolicy, QVBoxLayout, QWidget)

class Ui_AssetDialog(object):
    def setupUi(self, AssetDialog):
        if not AssetDialog.objectName():
            AssetDialog.setObjectName(u"AssetDialog")
        AssetDialog.resize(500, 100)
        AssetDialog.setMinimumSize(QSize(500, 0))
        AssetDialog.setModal(True)
        self.dialogLayout = QVBoxLayout(AssetDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.fieldsLayout = QGridLayout()
        self.fieldsLayout.setObjectName(u"fieldsLayout")
        self.fieldsLayout.setHorizontalSpacing(10)
        self.titleEditLabel = QLabel(AssetDialog)
        self.titleEditLabel.setObjectName(u"titleEditLabel")

        self.fieldsLayout.addWidget(self.titleEditLabel, 0, 0, 1, 1)

        self.titleEdit = QLineEdit(AssetDialog)
        self.titleEdit.setObjectName(u"titleEdit")

        self.fieldsLayout.addWidget(self.titleEdit, 0, 1, 1, 1)

        self.titleError = QLabel(AssetDialog)
        self.titleError.setObjectName(u"titleError")
        self.titleError.setWordWrap(True)
        self.titleError.setVisible(False)

        self.fieldsLayout.addWidget(self.titleError, 1, 1, 1, 1)

        self.kindComboLabel = QLabel(AssetDialog)
        self.kindComboLabel.setObjectName(u"kindComboLabel")

        self.fieldsLayout.addWidget(self.kindComboLabel, 2, 0, 1, 1)

        self.kindCombo = QComboBox(AssetDialog)
        self.kindCombo.setObjectName(u"kindCombo")

        self.fieldsLayout.addWidget(self.kindCombo, 2, 1, 1, 1)

        self.kindError = QLabel(AssetDialog)
        self.kindError.setObjectName(u"kindError")
        self.kindError.setWordWrap(True)
        self.kindError.setVisible(False)

        self.fieldsLayout.addWidget(self.kindError, 3, 1, 1, 1)

        self.linkEditLabel = QLabel(AssetDialog)
        self.linkEditLabel.setObjectName(u"linkEditLabel")

        self.fieldsLayout.addWidget(self.linkEditLabel, 4, 0, 1, 1)

        self.linkEdit = QLineEdit(AssetDialog)
        self.linkEdit.setObjectName(u"linkEdit")

        self.fieldsLayout.addWidget(self.linkEdit, 4, 1, 1, 1)

        self.linkError = QLabel(AssetDialog)
        self.linkError.setObjectName(u"linkError")
        self.linkError.setWordWrap(True)
        self.linkError.setVisible(False)

        self.fieldsLayout.addWidget(self.linkError, 5, 1, 1, 1)

        self.browseButton = QPushButton(AssetDialog)
        self.browseButton.setObjectName(u"browseButton")

        self.fieldsLayout.addWidget(self.browseButton, 6, 1, 1, 1)

        self.answersListLabel = QLabel(AssetDialog)
        self.answersListLabel.setObjectName(u"answersListLabel")

        self.fieldsLayout.addWidget(self.answersListLabel, 7, 0, 1, 1, Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignTop)

        self.answersList = QListWidget(AssetDialog)
        self.answersList.setObjectName(u"answersList")
        self.answersList.setMinimumSize(QSize(0, 170))

        self.fieldsLayout.addWidget(self.answersList, 7, 1, 1, 1)

        self.answersError = QLabel(AssetDialog)
        self.answersError.setObjectName(u"answersError")
        self.answersError.setWordWrap(True)
        self.answersError.setVisible(False)

        self.fieldsLayout.addWidget(self.answersError, 8, 1, 1, 1)

        self.campaignComboLabel = QLabel(AssetDialog)
        self.campaignComboLabel.setObjectName(u"campaignComboLabel")

        self.fieldsLayout.addWidget(self.campaignComboLabel, 9, 0, 1, 1)

        self.campaignCombo = QComboBox(AssetDialog)
        self.campaignCombo.setObjectName(u"campaignCombo")

        self.fieldsLayout.addWidget(self.campaignCombo, 9, 1, 1, 1)

        self.campaignError = QLabel(AssetDialog)
        self.campaignError.setObjectName(u"campaignError")
        self.campaignError.setWordWrap(True)
        self.campaignError.setVisible(False)

        self.fieldsLayout.addWidget(self.campaignError, 10, 1, 1, 1)

        self.notesEditLabel = QLabel(AssetDialog)
        self.notesEditLabel.setObjectName(u"notesEditLabel")

        self.fieldsLayout.addWidget(self.notesEditLabel, 11, 0, 1, 1, Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignTop)

        self.notesEdit = QPlainTextEdit(AssetDialog)
        self.notesEdit.setObjectName(u"notesEdit")
        self.notesEdit.setTabChangesFocus(True)
        self.notesEdit.setMaximumSize(QSize(16777215, 110))

        self.fieldsLayout.addWidget(self.notesEdit, 11, 1, 1, 1)

        self.notesError = QLabel(AssetDialog)
        self.notesError.setObjectName(u"notesError")
        self.notesError.setWordWrap(True)
        self.notesError.setVisible(False)

        self.fieldsLayout.addWidget(self.notesError, 12, 1, 1, 1)

        self.usageLabelLabel = QLabel(AssetDialog)
        self.usageLabelLabel.setObjectName(u"usageLabelLabel")

        self.fieldsLayout.addWidget(self.usageLabelLabel, 13, 0, 1, 1)

        self.usageLabel = QLabel(AssetDialog)
        self.usageLabel.setObjectName(u"usageLabel")
        self.usageLabel.setWordWrap(True)

        self.fieldsLayout.addWidget(self.usageLabel, 13, 1, 1, 1)


        self.dialogLayout.addLayout(self.fieldsLayout)

        self.buttonBox = QDialogButtonBox(AssetDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.dialogLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.titleEditLabel.setBuddy(self.titleEdit)
        self.kindComboLabel.setBuddy(self.kindCombo)
        self.linkEditLabel.setBuddy(self.linkEdit)
        self.answersListLabel.setBuddy(self.answersList)
        self.campaignComboLabel.setBuddy(self.campaignCombo)
        self.notesEditLabel.setBuddy(self.notesEdit)
        self.usageLabelLabel.setBuddy(self.usageLabel)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(AssetDialog)

        QMetaObject.connectSlotsByName(AssetDialog)
    # setupUi

    def retranslateUi(self, AssetDialog):
        AssetDialog.setWindowTitle(QCoreApplication.translate("AssetDialog", u"Content asset", None))
        self.titleEditLabel.setText(QCoreApplication.translate("AssetDialog", u"&Title:", None))
        self.kindComboLabel.setText(QCoreApplication.translate("AssetDialog", u"&Kind:", None))
        self.linkEditLabel.setText(QCoreApplication.translate("AssetDialog", u"&Link or file:", None))
        self.linkEdit.setPlaceholderText(QCoreApplication.translate("AssetDialog", u"https://\u2026 or a file on this computer", None))
        self.browseButton.setText(QCoreApplication.translate("AssetDialog", u"&Browse for a file\u2026", None))
        self.answersListLabel.setText(QCoreApplication.translate("AssetDialog", u"&Answers:", None))
#if QT_CONFIG(tooltip)
        self.answersList.setToolTip(QCoreApplication.translate("AssetDialog", u"The objection categories it answers; Space ticks one", None))
#endif // QT_CONFIG(tooltip)
        self.campaignComboLabel.setText(QCoreApplication.translate("AssetDialog", u"Cam&paign:", None))
        self.notesEditLabel.setText(QCoreApplication.translate("AssetDialog", u"N&otes:", None))
        self.usageLabelLabel.setText(QCoreApplication.translate("AssetDialog", u"Usage:", None))
    # retranslateUi

