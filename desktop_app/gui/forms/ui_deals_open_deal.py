# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'deals_open_deal.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QDateEdit,
    QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout,
    QLabel, QLineEdit, QSizePolicy, QSpacerItem,
    QVBoxLayout, QWidget)

class Ui_OpenDealDialog(object):
    def setupUi(self, OpenDealDialog):
        if not OpenDealDialog.objectName():
            OpenDealDialog.setObjectName(u"OpenDealDialog")
        OpenDealDialog.setModal(True)
        OpenDealDialog.setMinimumSize(QSize(420, 0))
        self.mainLayout = QVBoxLayout(OpenDealDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.headingLabel = QLabel(OpenDealDialog)
        self.headingLabel.setObjectName(u"headingLabel")
        self.headingLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.headingLabel)

        self.openForm = QFormLayout()
        self.openForm.setObjectName(u"openForm")
        self.titleLabel = QLabel(OpenDealDialog)
        self.titleLabel.setObjectName(u"titleLabel")

        self.openForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.titleLabel)

        self.titleEdit = QLineEdit(OpenDealDialog)
        self.titleEdit.setObjectName(u"titleEdit")

        self.openForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.titleEdit)

        self.titleError = QLabel(OpenDealDialog)
        self.titleError.setObjectName(u"titleError")
        self.titleError.setWordWrap(True)
        self.titleError.setVisible(False)

        self.openForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.titleError)

        self.valueLabel = QLabel(OpenDealDialog)
        self.valueLabel.setObjectName(u"valueLabel")

        self.openForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.valueLabel)

        self.valueEdit = QLineEdit(OpenDealDialog)
        self.valueEdit.setObjectName(u"valueEdit")

        self.openForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.valueEdit)

        self.valueError = QLabel(OpenDealDialog)
        self.valueError.setObjectName(u"valueError")
        self.valueError.setWordWrap(True)
        self.valueError.setVisible(False)

        self.openForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.valueError)

        self.expectedCloseLabel = QLabel(OpenDealDialog)
        self.expectedCloseLabel.setObjectName(u"expectedCloseLabel")

        self.openForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.expectedCloseLabel)

        self.expectedCloseRow = QHBoxLayout()
        self.expectedCloseRow.setObjectName(u"expectedCloseRow")
        self.expectedCloseCheck = QCheckBox(OpenDealDialog)
        self.expectedCloseCheck.setObjectName(u"expectedCloseCheck")

        self.expectedCloseRow.addWidget(self.expectedCloseCheck)

        self.expectedCloseEdit = QDateEdit(OpenDealDialog)
        self.expectedCloseEdit.setObjectName(u"expectedCloseEdit")
        self.expectedCloseEdit.setCalendarPopup(True)

        self.expectedCloseRow.addWidget(self.expectedCloseEdit)

        self.expectedCloseRowSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.expectedCloseRow.addItem(self.expectedCloseRowSpacer)


        self.openForm.setLayout(4, QFormLayout.ItemRole.FieldRole, self.expectedCloseRow)

        self.expectedCloseError = QLabel(OpenDealDialog)
        self.expectedCloseError.setObjectName(u"expectedCloseError")
        self.expectedCloseError.setWordWrap(True)
        self.expectedCloseError.setVisible(False)

        self.openForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.expectedCloseError)


        self.mainLayout.addLayout(self.openForm)

        self.formError = QLabel(OpenDealDialog)
        self.formError.setObjectName(u"formError")
        self.formError.setWordWrap(True)
        self.formError.setVisible(False)

        self.mainLayout.addWidget(self.formError)

        self.buttonBox = QDialogButtonBox(OpenDealDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.titleLabel.setBuddy(self.titleEdit)
        self.valueLabel.setBuddy(self.valueEdit)
        self.expectedCloseLabel.setBuddy(self.expectedCloseCheck)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(OpenDealDialog)

        QMetaObject.connectSlotsByName(OpenDealDialog)
    # setupUi

    def retranslateUi(self, OpenDealDialog):
        OpenDealDialog.setWindowTitle(QCoreApplication.translate("OpenDealDialog", u"Open a deal", None))
        self.titleLabel.setText(QCoreApplication.translate("OpenDealDialog", u"&Title:", None))
        self.valueLabel.setText(QCoreApplication.translate("OpenDealDialog", u"&Value:", None))
        self.valueEdit.setPlaceholderText(QCoreApplication.translate("OpenDealDialog", u"e.g. 4800", None))
        self.expectedCloseLabel.setText(QCoreApplication.translate("OpenDealDialog", u"E&xpected close:", None))
        self.expectedCloseCheck.setText(QCoreApplication.translate("OpenDealDialog", u"On", None))
        self.expectedCloseEdit.setDisplayFormat(QCoreApplication.translate("OpenDealDialog", u"d MMM yyyy", None))
    # retranslateUi

