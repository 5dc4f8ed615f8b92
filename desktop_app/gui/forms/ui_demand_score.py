# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'demand_score.ui'
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
    QGridLayout, QLabel, QListWidget, QListWidgetItem,
    QSizePolicy, QVBoxLayout, QWidget)

class Ui_ScoreDialog(object):
    def setupUi(self, ScoreDialog):
        if not ScoreDialog.objectName():
            ScoreDialog.setObjectName(u"ScoreDialog")
        ScoreDialog.resize(460, 100)
        ScoreDialog.setMinimumSize(QSize(460, 0))
        ScoreDialog.setModal(True)
        self.dialogLayout = QVBoxLayout(ScoreDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.fieldsLayout = QGridLayout()
        self.fieldsLayout.setObjectName(u"fieldsLayout")
        self.fieldsLayout.setHorizontalSpacing(10)
        self.leadLabel = QLabel(ScoreDialog)
        self.leadLabel.setObjectName(u"leadLabel")
        self.leadLabel.setWordWrap(True)

        self.fieldsLayout.addWidget(self.leadLabel, 0, 0, 1, 2)

        self.criteriaListLabel = QLabel(ScoreDialog)
        self.criteriaListLabel.setObjectName(u"criteriaListLabel")

        self.fieldsLayout.addWidget(self.criteriaListLabel, 1, 0, 1, 1, Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignTop)

        self.criteriaList = QListWidget(ScoreDialog)
        self.criteriaList.setObjectName(u"criteriaList")
        self.criteriaList.setMinimumSize(QSize(0, 150))

        self.fieldsLayout.addWidget(self.criteriaList, 1, 1, 1, 1)

        self.criteriaError = QLabel(ScoreDialog)
        self.criteriaError.setObjectName(u"criteriaError")
        self.criteriaError.setWordWrap(True)
        self.criteriaError.setVisible(False)

        self.fieldsLayout.addWidget(self.criteriaError, 2, 1, 1, 1)

        self.scoreLabelLabel = QLabel(ScoreDialog)
        self.scoreLabelLabel.setObjectName(u"scoreLabelLabel")

        self.fieldsLayout.addWidget(self.scoreLabelLabel, 3, 0, 1, 1)

        self.scoreLabel = QLabel(ScoreDialog)
        self.scoreLabel.setObjectName(u"scoreLabel")

        self.fieldsLayout.addWidget(self.scoreLabel, 3, 1, 1, 1)


        self.dialogLayout.addLayout(self.fieldsLayout)

        self.buttonBox = QDialogButtonBox(ScoreDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.dialogLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.criteriaListLabel.setBuddy(self.criteriaList)
        self.scoreLabelLabel.setBuddy(self.scoreLabel)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ScoreDialog)

        QMetaObject.connectSlotsByName(ScoreDialog)
    # setupUi

    def retranslateUi(self, ScoreDialog):
        ScoreDialog.setWindowTitle(QCoreApplication.translate("ScoreDialog", u"Score a lead", None))
        self.leadLabel.setText(QCoreApplication.translate("ScoreDialog", u"Tick what this lead meets.", None))
        self.criteriaListLabel.setText(QCoreApplication.translate("ScoreDialog", u"&Criteria met:", None))
#if QT_CONFIG(tooltip)
        self.criteriaList.setToolTip(QCoreApplication.translate("ScoreDialog", u"Space ticks the criterion the lead meets", None))
#endif // QT_CONFIG(tooltip)
        self.scoreLabelLabel.setText(QCoreApplication.translate("ScoreDialog", u"Score:", None))
    # retranslateUi

