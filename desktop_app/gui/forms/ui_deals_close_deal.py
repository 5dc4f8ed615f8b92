# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'deals_close_deal.ui'
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
    QFormLayout, QHBoxLayout, QLabel, QLineEdit,
    QRadioButton, QSizePolicy, QSpacerItem, QVBoxLayout,
    QWidget)

class Ui_CloseDealDialog(object):
    def setupUi(self, CloseDealDialog):
        if not CloseDealDialog.objectName():
            CloseDealDialog.setObjectName(u"CloseDealDialog")
        CloseDealDialog.setModal(True)
        CloseDealDialog.setMinimumSize(QSize(420, 0))
        self.mainLayout = QVBoxLayout(CloseDealDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.headingLabel = QLabel(CloseDealDialog)
        self.headingLabel.setObjectName(u"headingLabel")
        self.headingLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.headingLabel)

        self.closeForm = QFormLayout()
        self.closeForm.setObjectName(u"closeForm")
        self.outcomeLabel = QLabel(CloseDealDialog)
        self.outcomeLabel.setObjectName(u"outcomeLabel")

        self.closeForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.outcomeLabel)

        self.outcomeRow = QHBoxLayout()
        self.outcomeRow.setObjectName(u"outcomeRow")
        self.wonRadio = QRadioButton(CloseDealDialog)
        self.wonRadio.setObjectName(u"wonRadio")

        self.outcomeRow.addWidget(self.wonRadio)

        self.lostRadio = QRadioButton(CloseDealDialog)
        self.lostRadio.setObjectName(u"lostRadio")

        self.outcomeRow.addWidget(self.lostRadio)

        self.outcomeSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.outcomeRow.addItem(self.outcomeSpacer)


        self.closeForm.setLayout(0, QFormLayout.ItemRole.FieldRole, self.outcomeRow)

        self.lostReasonLabel = QLabel(CloseDealDialog)
        self.lostReasonLabel.setObjectName(u"lostReasonLabel")

        self.closeForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.lostReasonLabel)

        self.lostReasonEdit = QLineEdit(CloseDealDialog)
        self.lostReasonEdit.setObjectName(u"lostReasonEdit")

        self.closeForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.lostReasonEdit)

        self.lostReasonError = QLabel(CloseDealDialog)
        self.lostReasonError.setObjectName(u"lostReasonError")
        self.lostReasonError.setWordWrap(True)
        self.lostReasonError.setVisible(False)

        self.closeForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.lostReasonError)


        self.mainLayout.addLayout(self.closeForm)

        self.formError = QLabel(CloseDealDialog)
        self.formError.setObjectName(u"formError")
        self.formError.setWordWrap(True)
        self.formError.setVisible(False)

        self.mainLayout.addWidget(self.formError)

        self.buttonBox = QDialogButtonBox(CloseDealDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.outcomeLabel.setBuddy(self.wonRadio)
        self.lostReasonLabel.setBuddy(self.lostReasonEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(CloseDealDialog)

        QMetaObject.connectSlotsByName(CloseDealDialog)
    # setupUi

    def retranslateUi(self, CloseDealDialog):
        CloseDealDialog.setWindowTitle(QCoreApplication.translate("CloseDealDialog", u"Close the deal", None))
        self.headingLabel.setText(QCoreApplication.translate("CloseDealDialog", u"Close the deal", None))
        self.outcomeLabel.setText(QCoreApplication.translate("CloseDealDialog", u"Outcome:", None))
        self.wonRadio.setText(QCoreApplication.translate("CloseDealDialog", u"&Won", None))
        self.lostRadio.setText(QCoreApplication.translate("CloseDealDialog", u"&Lost", None))
        self.lostReasonLabel.setText(QCoreApplication.translate("CloseDealDialog", u"Lost &reason:", None))
        self.lostReasonEdit.setPlaceholderText(QCoreApplication.translate("CloseDealDialog", u"e.g. Chose a competitor, no budget this year", None))
    # retranslateUi

