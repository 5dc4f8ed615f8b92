# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'main_window.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QAction, QActionGroup, QBrush, QColor,
    QConicalGradient, QCursor, QFont, QFontDatabase,
    QGradient, QIcon, QImage, QKeySequence,
    QLinearGradient, QPainter, QPalette, QPixmap,
    QRadialGradient, QTransform)
from PySide6.QtWidgets import (QApplication, QLabel, QMainWindow, QMenu,
    QMenuBar, QSizePolicy, QStackedWidget, QStatusBar,
    QToolBar, QVBoxLayout, QWidget)

from desktop_app.gui.widgets.mode_banner import ModeBanner

class Ui_MainWindow(object):
    def setupUi(self, MainWindow):
        if not MainWindow.objectName():
            MainWindow.setObjectName(u"MainWindow")
        MainWindow.resize(1200, 780)
        MainWindow.setMinimumSize(QSize(720, 480))
        MainWindow.setUnifiedTitleAndToolBarOnMac(True)
        self.actionOpenBook = QAction(MainWindow)
        self.actionOpenBook.setObjectName(u"actionOpenBook")
        self.actionQuit = QAction(MainWindow)
        self.actionQuit.setObjectName(u"actionQuit")
        self.actionQuit.setMenuRole(QAction.MenuRole.QuitRole)
        self.actionUndo = QAction(MainWindow)
        self.actionUndo.setObjectName(u"actionUndo")
        self.actionUndo.setEnabled(False)
        self.actionRedo = QAction(MainWindow)
        self.actionRedo.setObjectName(u"actionRedo")
        self.actionRedo.setEnabled(False)
        self.actionAbout = QAction(MainWindow)
        self.actionAbout.setObjectName(u"actionAbout")
        self.actionAbout.setMenuRole(QAction.MenuRole.AboutRole)
        self.modeActionGroup = QActionGroup(MainWindow)
        self.modeActionGroup.setObjectName(u"modeActionGroup")
        self.actionDemand = QAction(self.modeActionGroup)
        self.actionDemand.setObjectName(u"actionDemand")
        self.actionDemand.setCheckable(True)
        self.actionDeals = QAction(self.modeActionGroup)
        self.actionDeals.setObjectName(u"actionDeals")
        self.actionDeals.setCheckable(True)
        self.actionReview = QAction(self.modeActionGroup)
        self.actionReview.setObjectName(u"actionReview")
        self.actionReview.setCheckable(True)
        self.centralWidget = QWidget(MainWindow)
        self.centralWidget.setObjectName(u"centralWidget")
        self.centralLayout = QVBoxLayout(self.centralWidget)
        self.centralLayout.setSpacing(0)
        self.centralLayout.setObjectName(u"centralLayout")
        self.centralLayout.setContentsMargins(0, 0, 0, 0)
        self.modeBanner = ModeBanner(self.centralWidget)
        self.modeBanner.setObjectName(u"modeBanner")

        self.centralLayout.addWidget(self.modeBanner)

        self.workspaceStack = QStackedWidget(self.centralWidget)
        self.workspaceStack.setObjectName(u"workspaceStack")
        self.openingPage = QWidget()
        self.openingPage.setObjectName(u"openingPage")
        self.openingLayout = QVBoxLayout(self.openingPage)
        self.openingLayout.setObjectName(u"openingLayout")
        self.openingState = QLabel(self.openingPage)
        self.openingState.setObjectName(u"openingState")
        self.openingState.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.openingState.setWordWrap(True)
        self.openingState.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)

        self.openingLayout.addWidget(self.openingState)

        self.workspaceStack.addWidget(self.openingPage)

        self.centralLayout.addWidget(self.workspaceStack)

        MainWindow.setCentralWidget(self.centralWidget)
        self.menuBar = QMenuBar(MainWindow)
        self.menuBar.setObjectName(u"menuBar")
        self.menuFile = QMenu(self.menuBar)
        self.menuFile.setObjectName(u"menuFile")
        self.menuEdit = QMenu(self.menuBar)
        self.menuEdit.setObjectName(u"menuEdit")
        self.menuMode = QMenu(self.menuBar)
        self.menuMode.setObjectName(u"menuMode")
        self.menuHelp = QMenu(self.menuBar)
        self.menuHelp.setObjectName(u"menuHelp")
        MainWindow.setMenuBar(self.menuBar)
        self.modeToolBar = QToolBar(MainWindow)
        self.modeToolBar.setObjectName(u"modeToolBar")
        self.modeToolBar.setMovable(False)
        self.modeToolBar.setFloatable(False)
        self.modeToolBar.setIconSize(QSize(20, 20))
        self.modeToolBar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        MainWindow.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.modeToolBar)
        self.statusBar = QStatusBar(MainWindow)
        self.statusBar.setObjectName(u"statusBar")
        MainWindow.setStatusBar(self.statusBar)

        self.menuBar.addAction(self.menuFile.menuAction())
        self.menuBar.addAction(self.menuEdit.menuAction())
        self.menuBar.addAction(self.menuMode.menuAction())
        self.menuBar.addAction(self.menuHelp.menuAction())
        self.menuFile.addAction(self.actionOpenBook)
        self.menuFile.addSeparator()
        self.menuFile.addAction(self.actionQuit)
        self.menuEdit.addAction(self.actionUndo)
        self.menuEdit.addAction(self.actionRedo)
        self.menuMode.addAction(self.actionDemand)
        self.menuMode.addAction(self.actionDeals)
        self.menuMode.addSeparator()
        self.menuMode.addAction(self.actionReview)
        self.menuHelp.addAction(self.actionAbout)
        self.modeToolBar.addAction(self.actionDemand)
        self.modeToolBar.addAction(self.actionDeals)
        self.modeToolBar.addAction(self.actionReview)

        self.retranslateUi(MainWindow)

        QMetaObject.connectSlotsByName(MainWindow)
    # setupUi

    def retranslateUi(self, MainWindow):
        MainWindow.setWindowTitle(QCoreApplication.translate("MainWindow", u"Tandem", None))
        self.actionOpenBook.setText(QCoreApplication.translate("MainWindow", u"&Open book\u2026", None))
#if QT_CONFIG(tooltip)
        self.actionOpenBook.setToolTip(QCoreApplication.translate("MainWindow", u"Open another book file", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(shortcut)
        self.actionOpenBook.setShortcut(QCoreApplication.translate("MainWindow", u"Ctrl+O", None))
#endif // QT_CONFIG(shortcut)
        self.actionQuit.setText(QCoreApplication.translate("MainWindow", u"&Quit", None))
#if QT_CONFIG(shortcut)
        self.actionQuit.setShortcut(QCoreApplication.translate("MainWindow", u"Ctrl+Q", None))
#endif // QT_CONFIG(shortcut)
        self.actionUndo.setText(QCoreApplication.translate("MainWindow", u"&Undo", None))
#if QT_CONFIG(tooltip)
        self.actionUndo.setToolTip(QCoreApplication.translate("MainWindow", u"Take back the last thing you did in this session", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(shortcut)
        self.actionUndo.setShortcut(QCoreApplication.translate("MainWindow", u"Ctrl+Z", None))
#endif // QT_CONFIG(shortcut)
        self.actionRedo.setText(QCoreApplication.translate("MainWindow", u"&Redo", None))
#if QT_CONFIG(tooltip)
        self.actionRedo.setToolTip(QCoreApplication.translate("MainWindow", u"Do again what you last undid", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(shortcut)
        self.actionRedo.setShortcut(QCoreApplication.translate("MainWindow", u"Ctrl+Shift+Z", None))
#endif // QT_CONFIG(shortcut)
        self.actionAbout.setText(QCoreApplication.translate("MainWindow", u"&About Tandem", None))
        self.actionDemand.setText(QCoreApplication.translate("MainWindow", u"&Demand creation", None))
#if QT_CONFIG(tooltip)
        self.actionDemand.setToolTip(QCoreApplication.translate("MainWindow", u"Demand creation: campaigns, the lead inbox, content and objections (Ctrl+1)", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(shortcut)
        self.actionDemand.setShortcut(QCoreApplication.translate("MainWindow", u"Ctrl+1", None))
#endif // QT_CONFIG(shortcut)
        self.actionDeals.setText(QCoreApplication.translate("MainWindow", u"Deal &conversion", None))
#if QT_CONFIG(tooltip)
        self.actionDeals.setToolTip(QCoreApplication.translate("MainWindow", u"Deal conversion: today's calls, the pipeline and the call logger (Ctrl+2)", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(shortcut)
        self.actionDeals.setShortcut(QCoreApplication.translate("MainWindow", u"Ctrl+2", None))
#endif // QT_CONFIG(shortcut)
        self.actionReview.setText(QCoreApplication.translate("MainWindow", u"Weekly &review", None))
#if QT_CONFIG(tooltip)
        self.actionReview.setToolTip(QCoreApplication.translate("MainWindow", u"The weekly review: leads, deals and conversion charts (Ctrl+3)", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(shortcut)
        self.actionReview.setShortcut(QCoreApplication.translate("MainWindow", u"Ctrl+3", None))
#endif // QT_CONFIG(shortcut)
        self.openingState.setText(QCoreApplication.translate("MainWindow", u"Opening the book\u2026", None))
        self.menuFile.setTitle(QCoreApplication.translate("MainWindow", u"&File", None))
        self.menuEdit.setTitle(QCoreApplication.translate("MainWindow", u"&Edit", None))
        self.menuMode.setTitle(QCoreApplication.translate("MainWindow", u"&Mode", None))
        self.menuHelp.setTitle(QCoreApplication.translate("MainWindow", u"&Help", None))
        self.modeToolBar.setWindowTitle(QCoreApplication.translate("MainWindow", u"Modes", None))
    # retranslateUi

