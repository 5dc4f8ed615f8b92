# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'demand_criterion.ui'
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
    QSpinBox, QVBoxLayout, QWidget)

class Ui_CriterionDialog(object):
    def setupUi(self, CriterionDialog):
        if not CriterionDialog.objectName():
            CriterionDialog.setObjectName(u"CriterionDialog")
        CriterionDialog.resize(420, 100)
        CriterionDialog.setMinimumSize(QSize(420, 0))
        CriterionDialog.setModal(True)
        self.dialogLayout = QVBoxLayout(CriterionDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.fieldsLayout = QGridLayout()
        self.fieldsLayout.setObjectName(u"fieldsLayout")
        self.fieldsLayout.setHorizontalSpacing(10)
        self.nameEditLabel = QLabel(CriterionDialog)
        self.nameEditLabel.setObjectName(u"nameEditLabel")

        self.fieldsLayout.addWidget(self.nameEditLabel, 0, 0, 1, 1)

        self.nameEdit = QLineEdit(CriterionDialog)
        self.nameEdit.setObjectName(u"nameEdit")

        self.fieldsLayout.addWidget(self.nameEdit, 0, 1, 1, 1)

        self.nameError = QLabel(CriterionDialog)
        self.nameError.setObjectName(u"nameError")
        self.nameError.setWordWrap(True)
        self.nameError.setVisible(False)

        self.fieldsLayout.addWidget(self.nameError, 1, 1, 1, 1)

        self.weightSpinLabel = QLabel(CriterionDialog)
        self.weightSpinLabel.setObjectName(u"weightSpinLabel")

        self.fieldsLayout.addWidget(self.weightSpinLabel, 2, 0, 1, 1)

        self.weightSpin = QSpinBox(CriterionDialog)
        self.weightSpin.setObjectName(u"weightSpin")
        self.weightSpin.setMinimum(1)
        self.weightSpin.setMaximum(100)
        self.weightSpin.setValue(10)

        self.fieldsLayout.addWidget(self.weightSpin, 2, 1, 1, 1)

        self.weightError = QLabel(CriterionDialog)
        self.weightError.setObjectName(u"weightError")
        self.weightError.setWordWrap(True)
        self.weightError.setVisible(False)

        self.fieldsLayout.addWidget(self.weightError, 3, 1, 1, 1)

        self.descriptionEditLabel = QLabel(CriterionDialog)
        self.descriptionEditLabel.setObjectName(u"descriptionEditLabel")

        self.fieldsLayout.addWidget(self.descriptionEditLabel, 4, 0, 1, 1)

        self.descriptionEdit = QLineEdit(CriterionDialog)
        self.descriptionEdit.setObjectName(u"descriptionEdit")

        self.fieldsLayout.addWidget(self.descriptionEdit, 4, 1, 1, 1)

        self.descriptionError = QLabel(CriterionDialog)
        self.descriptionError.setObjectName(u"descriptionError")
        self.descriptionError.setWordWrap(True)
        self.descriptionError.setVisible(False)

        self.fieldsLayout.addWidget(self.descriptionError, 5, 1, 1, 1)


        self.dialogLayout.addLayout(self.fieldsLayout)

        self.buttonBox = QDialogButtonBox(CriterionDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.dialogLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.nameEditLabel.setBuddy(self.nameEdit)
        self.weightSpinLabel.setBuddy(self.weightSpin)
        self.descriptionEditLabel.setBuddy(self.descriptionEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(CriterionDialog)

        QMetaObject.connectSlotsByName(CriterionDialog)
    # setupUi

    def retranslateUi(self, CriterionDialog):
        CriterionDialog.setWindowTitle(QCoreApplication.translate("CriterionDialog", u"Criterion", None))
        self.nameEditLabel.setText(QCoreApplication.translate("CriterionDialog", u"&Name:", None))
        self.weightSpinLabel.setText(QCoreApplication.translate("CriterionDialog", u"&Weight:", None))
        self.descriptionEditLabel.setText(QCoreApplication.translate("CriterionDialog", u"&Description:", None))
    # retranslateUi

