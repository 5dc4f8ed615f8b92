# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'deals_reschedule.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDateTimeEdit, QDialog,
    QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel,
    QPushButton, QSizePolicy, QVBoxLayout, QWidget)

class Ui_RescheduleDialog(object):
    def setupUi(self, RescheduleDialog):
        if not RescheduleDialog.objectName():
            RescheduleDialog.setObjectName(u"RescheduleDialog")
        RescheduleDialog.setModal(True)
        RescheduleDialog.setMinimumSize(QSize(420, 0))
        self.mainLayout = QVBoxLayout(RescheduleDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.itemLabel = QLabel(RescheduleDialog)
        self.itemLabel.setObjectName(u"itemLabel")
        self.itemLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.itemLabel)

        self.rescheduleForm = QFormLayout()
        self.rescheduleForm.setObjectName(u"rescheduleForm")
        self.dueLabel = QLabel(RescheduleDialog)
        self.dueLabel.setObjectName(u"dueLabel")

        self.rescheduleForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.dueLabel)

        self.dueEdit = QDateTimeEdit(RescheduleDialog)
        self.dueEdit.setObjectName(u"dueEdit")
        self.dueEdit.setCalendarPopup(True)

        self.rescheduleForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.dueEdit)

        self.quickRow = QHBoxLayout()
        self.quickRow.setObjectName(u"quickRow")
        self.laterTodayButton = QPushButton(RescheduleDialog)
        self.laterTodayButton.setObjectName(u"laterTodayButton")

        self.quickRow.addWidget(self.laterTodayButton)

        self.tomorrowButton = QPushButton(RescheduleDialog)
        self.tomorrowButton.setObjectName(u"tomorrowButton")

        self.quickRow.addWidget(self.tomorrowButton)

        self.nextWeekButton = QPushButton(RescheduleDialog)
        self.nextWeekButton.setObjectName(u"nextWeekButton")

        self.quickRow.addWidget(self.nextWeekButton)


        self.rescheduleForm.setLayout(1, QFormLayout.ItemRole.FieldRole, self.quickRow)

        self.dueError = QLabel(RescheduleDialog)
        self.dueError.setObjectName(u"dueError")
        self.dueError.setWordWrap(True)
        self.dueError.setVisible(False)

        self.rescheduleForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.dueError)


        self.mainLayout.addLayout(self.rescheduleForm)

        self.buttonBox = QDialogButtonBox(RescheduleDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.dueLabel.setBuddy(self.dueEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(RescheduleDialog)

        QMetaObject.connectSlotsByName(RescheduleDialog)
    # setupUi

    def retranslateUi(self, RescheduleDialog):
        RescheduleDialog.setWindowTitle(QCoreApplication.translate("RescheduleDialog", u"Reschedule", None))
        self.dueLabel.setText(QCoreApplication.translate("RescheduleDialog", u"&New time:", None))
        self.dueEdit.setDisplayFormat(QCoreApplication.translate("RescheduleDialog", u"ddd d MMM yyyy HH:mm", None))
        self.laterTodayButton.setText(QCoreApplication.translate("RescheduleDialog", u"In &2 hours", None))
        self.tomorrowButton.setText(QCoreApplication.translate("RescheduleDialog", u"&Tomorrow 09:00", None))
        self.nextWeekButton.setText(QCoreApplication.translate("RescheduleDialog", u"Next &Monday 09:00", None))
    # retranslateUi

