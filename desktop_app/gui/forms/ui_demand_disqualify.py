# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'demand_disqualify.ui'
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
    QGridLayout, QLabel, QLineEdit, QSizePolicy,
    QVBoxLayout, QWidget)

class Ui_DisqualifyDialog(object):
    def setupUi(self, DisqualifyDialog):
        if not DisqualifyDialog.objectName():
            DisqualifyDialog.setObjectName(u"DisqualifyDialog")
        DisqualifyDialog.resize(420, 100)
        DisqualifyDialog.setMinimumSize(QSize(420, 0))
        DisqualifyDialog.setModal(True)
        self.dialogLayout = QVBoxLayout(DisqualifyDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.fieldsLayout = QGridLayout()
        self.fieldsLayout.setObjectName(u"fieldsLayout")
        self.fieldsLayout.setHorizontalSpacing(10)
        self.leadLabel = QLabel(DisqualifyDialog)
        self.leadLabel.setObjectName(u"leadLabel")
        self.leadLabel.setWordWrap(True)

        self.fieldsLayout.addWidget(self.leadLabel, 0, 0, 1, 2)

        self.reasonEditLabel = QLabel(DisqualifyDialog)
        self.reasonEditLabel.setObjectName(u"reasonEditLabel")

        self.fieldsLayout.addWidget(self.reasonEditLabel, 1, 0, 1, 1)

        self.reasonEdit = QLineEdit(DisqualifyDialog)
        self.reasonEdit.setObjectName(u"reasonEdit")

        self.fieldsLayout.addWidget(self.reasonEdit, 1, 1, 1, 1)

        self.reasonError = QLabel(DisqualifyDialog)
        self.reasonError.setObjectName(u"reasonError")
        self.reasonError.setWordWrap(True)
        self.reasonError.setVisible(False)

        self.fieldsLayout.addWidget(self.reasonError, 2, 1, 1, 1)


        self.dialogLayout.addLayout(self.fieldsLayout)

        self.buttonBox = QDialogButtonBox(DisqualifyDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.dialogLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.reasonEditLabel.setBuddy(self.reasonEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(DisqualifyDialog)

        QMetaObject.connectSlotsByName(DisqualifyDialog)
    # setupUi

    def retranslateUi(self, DisqualifyDialog):
        DisqualifyDialog.setWindowTitle(QCoreApplication.translate("DisqualifyDialog", u"Disqualify a lead", None))
        self.leadLabel.setText(QCoreApplication.translate("DisqualifyDialog", u"Why is this lead not a fit?", None))
        self.reasonEditLabel.setText(QCoreApplication.translate("DisqualifyDialog", u"&Reason:", None))
        self.reasonEdit.setPlaceholderText(QCoreApplication.translate("DisqualifyDialog", u"e.g. a student, no budget, a competitor", None))
    # retranslateUi

