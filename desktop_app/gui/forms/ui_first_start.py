# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'first_start.ui'
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
from PySide6.QtWidgets import (QApplication, QDialog, QHBoxLayout, QLabel,
    QLayout, QProgressBar, QPushButton, QSizePolicy,
    QSpacerItem, QVBoxLayout, QWidget)

class Ui_FirstStartDialog(object):
    def setupUi(self, FirstStartDialog):
        if not FirstStartDialog.objectName():
            FirstStartDialog.setObjectName(u"FirstStartDialog")
        FirstStartDialog.resize(520, 260)
        FirstStartDialog.setMinimumSize(QSize(520, 0))
        FirstStartDialog.setModal(True)
        self.dialogLayout = QVBoxLayout(FirstStartDialog)
        self.dialogLayout.setSpacing(12)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.dialogLayout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        self.dialogLayout.setContentsMargins(24, 20, 24, 20)
        self.headingLabel = QLabel(FirstStartDialog)
        self.headingLabel.setObjectName(u"headingLabel")

        self.dialogLayout.addWidget(self.headingLabel)

        self.introLabel = QLabel(FirstStartDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.introLabel)

        self.bookLabel = QLabel(FirstStartDialog)
        self.bookLabel.setObjectName(u"bookLabel")
        self.bookLabel.setWordWrap(True)
        self.bookLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.dialogLayout.addWidget(self.bookLabel)

        self.progressBar = QProgressBar(FirstStartDialog)
        self.progressBar.setObjectName(u"progressBar")
        self.progressBar.setMaximum(1000)
        self.progressBar.setValue(0)
        self.progressBar.setTextVisible(False)

        self.dialogLayout.addWidget(self.progressBar)

        self.statusLabel = QLabel(FirstStartDialog)
        self.statusLabel.setObjectName(u"statusLabel")
        self.statusLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.statusLabel)

        self.verticalSpacer = QSpacerItem(0, 8, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.dialogLayout.addItem(self.verticalSpacer)

        self.buttonLayout = QHBoxLayout()
        self.buttonLayout.setSpacing(8)
        self.buttonLayout.setObjectName(u"buttonLayout")
        self.buttonSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonLayout.addItem(self.buttonSpacer)

        self.emptyButton = QPushButton(FirstStartDialog)
        self.emptyButton.setObjectName(u"emptyButton")
        self.emptyButton.setAutoDefault(False)

        self.buttonLayout.addWidget(self.emptyButton)

        self.sampleButton = QPushButton(FirstStartDialog)
        self.sampleButton.setObjectName(u"sampleButton")

        self.buttonLayout.addWidget(self.sampleButton)


        self.dialogLayout.addLayout(self.buttonLayout)


        self.retranslateUi(FirstStartDialog)

        self.sampleButton.setDefault(True)


        QMetaObject.connectSlotsByName(FirstStartDialog)
    # setupUi

    def retranslateUi(self, FirstStartDialog):
        FirstStartDialog.setWindowTitle(QCoreApplication.translate("FirstStartDialog", u"Welcome to Tandem", None))
        self.headingLabel.setText(QCoreApplication.translate("FirstStartDialog", u"This book is empty", None))
        self.introLabel.setText(QCoreApplication.translate("FirstStartDialog", u"Look around first in a sample business: six months of campaigns, leads, deals, calls and objections, made up but true to life. Or start your own book and add your own contacts.", None))
        self.emptyButton.setText(QCoreApplication.translate("FirstStartDialog", u"Start &my own book", None))
        self.sampleButton.setText(QCoreApplication.translate("FirstStartDialog", u"Explore the &sample business", None))
    # retranslateUi

