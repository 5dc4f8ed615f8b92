# Resource object code (Python 3)
# Created by: object code
# Created by: The Resource Compiler for Qt version 6.11.3
# WARNING! All changes made in this file will be lost!

from PySide6 import QtCore

qt_resource_data = b"\
\x00\x00\x0cD\
/\
*\x0a * Tandem's st\
yle sheet. Each \
mode has an acce\
nt: warm for dem\
and creation, co\
ol for deal\x0a * c\
onversion, neutr\
al for the weekl\
y review. The ma\
in window sets t\
he dynamic prope\
rty\x0a * `mode` (\x22\
demand\x22, \x22deals\x22\
 or \x22review\x22) on\
 the toolbar, th\
e banner and the\
 status bar and\x0a\
 * re-polishes t\
hem, so the foun\
der always sees \
which mode they \
are in.\x0a *\x0a * De\
mand creation  #\
D9480F accent, #\
FFF4E6 tint, #9C\
3608 text\x0a * Dea\
l conversion  #1\
864AB accent, #E\
7F5FF tint, #186\
4AB text\x0a * Week\
ly review    #49\
5057 accent, #F1\
F3F5 tint, #343A\
40 text\x0a */\x0a\x0aQTo\
olBar#modeToolBa\
r {\x0a    spacing:\
 6px;\x0a    paddin\
g: 6px 10px;\x0a   \
 border: none;\x0a \
   border-bottom\
: 3px solid #ADB\
5BD;\x0a    backgro\
und: #F8F9FA;\x0a}\x0a\
QToolBar#modeToo\
lBar[mode=\x22deman\
d\x22] { border-bot\
tom-color: #D948\
0F; }\x0aQToolBar#m\
odeToolBar[mode=\
\x22deals\x22] { borde\
r-bottom-color: \
#1864AB; }\x0aQTool\
Bar#modeToolBar[\
mode=\x22review\x22] {\
 border-bottom-c\
olor: #495057; }\
\x0a\x0aQToolBar#modeT\
oolBar QToolButt\
on {\x0a    padding\
: 5px 12px;\x0a    \
border: 1px soli\
d transparent;\x0a \
   border-radius\
: 6px;\x0a    color\
: #343A40;\x0a}\x0aQTo\
olBar#modeToolBa\
r QToolButton:ho\
ver { background\
: #E9ECEF; }\x0aQTo\
olBar#modeToolBa\
r QToolButton:ch\
ecked { font-wei\
ght: 600; }\x0aQToo\
lBar#modeToolBar\
[mode=\x22demand\x22] \
QToolButton:chec\
ked {\x0a    backgr\
ound: #FFE8CC;\x0a \
   border-color:\
 #FFC078;\x0a    co\
lor: #9C3608;\x0a}\x0a\
QToolBar#modeToo\
lBar[mode=\x22deals\
\x22] QToolButton:c\
hecked {\x0a    bac\
kground: #D0EBFF\
;\x0a    border-col\
or: #74C0FC;\x0a   \
 color: #1864AB;\
\x0a}\x0aQToolBar#mode\
ToolBar[mode=\x22re\
view\x22] QToolButt\
on:checked {\x0a   \
 background: #E9\
ECEF;\x0a    border\
-color: #CED4DA;\
\x0a    color: #212\
529;\x0a}\x0a\x0aQFrame#m\
odeBanner {\x0a    \
border: none;\x0a  \
  border-left: 4\
px solid #ADB5BD\
;\x0a    border-bot\
tom: 1px solid #\
DEE2E6;\x0a    back\
ground: #F1F3F5;\
\x0a}\x0aQFrame#modeBa\
nner[mode=\x22deman\
d\x22] {\x0a    border\
-left-color: #D9\
480F;\x0a    border\
-bottom-color: #\
FFD8A8;\x0a    back\
ground: #FFF4E6;\
\x0a}\x0aQFrame#modeBa\
nner[mode=\x22deals\
\x22] {\x0a    border-\
left-color: #186\
4AB;\x0a    border-\
bottom-color: #A\
5D8FF;\x0a    backg\
round: #E7F5FF;\x0a\
}\x0aQFrame#modeBan\
ner QLabel { bac\
kground: transpa\
rent; color: #34\
3A40; }\x0aQFrame#m\
odeBanner QLabel\
#bannerTitle { f\
ont-weight: 600;\
 }\x0aQFrame#modeBa\
nner[mode=\x22deman\
d\x22] QLabel#banne\
rTitle { color: \
#9C3608; }\x0aQFram\
e#modeBanner[mod\
e=\x22deals\x22] QLabe\
l#bannerTitle { \
color: #1864AB; \
}\x0aQFrame#modeBan\
ner QToolButton \
{\x0a    border: no\
ne;\x0a    border-r\
adius: 4px;\x0a    \
padding: 2px;\x0a  \
  background: tr\
ansparent;\x0a}\x0aQFr\
ame#modeBanner Q\
ToolButton:hover\
 { background: r\
gba(0, 0, 0, 20)\
; }\x0a\x0aQStatusBar \
{\x0a    border-top\
: 1px solid #DEE\
2E6;\x0a    backgro\
und: #F8F9FA;\x0a}\x0a\
QStatusBar[mode=\
\x22demand\x22] { back\
ground: #FFF4E6;\
 border-top-colo\
r: #FFD8A8; }\x0aQS\
tatusBar[mode=\x22d\
eals\x22] { backgro\
und: #E7F5FF; bo\
rder-top-color: \
#A5D8FF; }\x0aQStat\
usBar::item { bo\
rder: none; }\x0aQS\
tatusBar QLabel \
{ padding: 0 8px\
; color: #495057\
; }\x0aQStatusBar Q\
Label#modeStatus\
 { font-weight: \
600; color: #343\
A40; }\x0aQStatusBa\
r[mode=\x22demand\x22]\
 QLabel#modeStat\
us { color: #9C3\
608; }\x0aQStatusBa\
r[mode=\x22deals\x22] \
QLabel#modeStatu\
s { color: #1864\
AB; }\x0a\x0aQDialog#F\
irstStartDialog \
QLabel#headingLa\
bel { font-size:\
 15pt; font-weig\
ht: 600; }\x0aQDial\
og#FirstStartDia\
log QLabel#bookL\
abel { color: #4\
95057; }\x0a\x0aQLabel\
#openingState { \
font-size: 13pt;\
 color: #868E96;\
 }\x0a\
\x00\x00\x01z\
<\
svg xmlns=\x22http:\
//www.w3.org/200\
0/svg\x22 width=\x2224\
\x22 height=\x2224\x22 vi\
ewBox=\x220 0 24 24\
\x22>\x0a  <g fill=\x22no\
ne\x22 stroke=\x22#186\
4AB\x22 stroke-widt\
h=\x222\x22 stroke-lin\
ecap=\x22round\x22 str\
oke-linejoin=\x22ro\
und\x22>\x0a    <rect \
x=\x223\x22 y=\x227\x22 widt\
h=\x2218\x22 height=\x221\
3\x22 rx=\x222\x22/>\x0a    \
<path d=\x22M9 7V5.\
5A1.5 1.5 0 0 1 \
10.5 4h3A1.5 1.5\
 0 0 1 15 5.5V7\x22\
/>\x0a    <path d=\x22\
M3 12.5h18\x22/>\x0a  \
  <path d=\x22M12 1\
1.5v2.5\x22/>\x0a  </g\
>\x0a</svg>\x0a\
\x00\x00\x02\x02\
<\
svg xmlns=\x22http:\
//www.w3.org/200\
0/svg\x22 width=\x2264\
\x22 height=\x2264\x22 vi\
ewBox=\x220 0 64 64\
\x22>\x0a  <rect x=\x222\x22\
 y=\x222\x22 width=\x2260\
\x22 height=\x2260\x22 rx\
=\x2214\x22 fill=\x22#343\
A40\x22/>\x0a  <g fill\
=\x22none\x22 stroke-w\
idth=\x225\x22>\x0a    <c\
ircle cx=\x2219\x22 cy\
=\x2238\x22 r=\x2211\x22 str\
oke=\x22#FD7E14\x22/>\x0a\
    <circle cx=\x22\
45\x22 cy=\x2238\x22 r=\x221\
1\x22 stroke=\x22#4DAB\
F7\x22/>\x0a  </g>\x0a  <\
g fill=\x22none\x22 st\
roke=\x22#F1F3F5\x22 s\
troke-width=\x223.5\
\x22 stroke-linecap\
=\x22round\x22 stroke-\
linejoin=\x22round\x22\
>\x0a    <path d=\x22M\
19 38l9-16h12l5 \
16\x22/>\x0a    <path \
d=\x22M28 22l4 16\x22/\
>\x0a    <path d=\x22M\
24 17h6M37 17h6\x22\
/>\x0a  </g>\x0a</svg>\
\x0a\
\x00\x00\x01[\
<\
svg xmlns=\x22http:\
//www.w3.org/200\
0/svg\x22 width=\x2224\
\x22 height=\x2224\x22 vi\
ewBox=\x220 0 24 24\
\x22>\x0a  <g fill=\x22no\
ne\x22 stroke=\x22#D94\
80F\x22 stroke-widt\
h=\x222\x22 stroke-lin\
ecap=\x22round\x22 str\
oke-linejoin=\x22ro\
und\x22>\x0a    <path \
d=\x22M3 10v4a1 1 0\
 0 0 1 1h3l8 4.5\
V4.5L7 9H4a1 1 0\
 0 0-1 1z\x22/>\x0a   \
 <path d=\x22M7 15l\
1.6 5h2.4l-1.4-4\
.2\x22/>\x0a    <path \
d=\x22M18.5 9a4 4 0\
 0 1 0 6\x22/>\x0a  </\
g>\x0a</svg>\x0a\
\x00\x00\x00\xd2\
<\
svg xmlns=\x22http:\
//www.w3.org/200\
0/svg\x22 width=\x2216\
\x22 height=\x2216\x22 vi\
ewBox=\x220 0 16 16\
\x22>\x0a  <g fill=\x22no\
ne\x22 stroke=\x22#495\
057\x22 stroke-widt\
h=\x221.6\x22 stroke-l\
inecap=\x22round\x22>\x0a\
    <path d=\x22M4 \
4l8 8M12 4l-8 8\x22\
/>\x0a  </g>\x0a</svg>\
\x0a\
\x00\x00\x01,\
<\
svg xmlns=\x22http:\
//www.w3.org/200\
0/svg\x22 width=\x2224\
\x22 height=\x2224\x22 vi\
ewBox=\x220 0 24 24\
\x22>\x0a  <g fill=\x22no\
ne\x22 stroke=\x22#495\
057\x22 stroke-widt\
h=\x222\x22 stroke-lin\
ejoin=\x22round\x22>\x0a \
   <path d=\x22M3 6\
.5A1.5 1.5 0 0 1\
 4.5 5H9l2 2.5h8\
.5A1.5 1.5 0 0 1\
 21 9v9.5a1.5 1.\
5 0 0 1-1.5 1.5h\
-15A1.5 1.5 0 0 \
1 3 18.5z\x22/>\x0a  <\
/g>\x0a</svg>\x0a\
\x00\x00\x01\xb9\
<\
svg xmlns=\x22http:\
//www.w3.org/200\
0/svg\x22 width=\x2224\
\x22 height=\x2224\x22 vi\
ewBox=\x220 0 24 24\
\x22>\x0a  <g fill=\x22no\
ne\x22 stroke=\x22#495\
057\x22 stroke-widt\
h=\x222\x22 stroke-lin\
ecap=\x22round\x22 str\
oke-linejoin=\x22ro\
und\x22>\x0a    <path \
d=\x22M4 20h16\x22/>\x0a \
   <path d=\x22M4 4\
v16\x22/>\x0a  </g>\x0a  \
<g fill=\x22#495057\
\x22>\x0a    <rect x=\x22\
7\x22 y=\x2212\x22 width=\
\x223\x22 height=\x226\x22 r\
x=\x220.5\x22/>\x0a    <r\
ect x=\x2212\x22 y=\x227\x22\
 width=\x223\x22 heigh\
t=\x2211\x22 rx=\x220.5\x22/\
>\x0a    <rect x=\x221\
7\x22 y=\x2210\x22 width=\
\x223\x22 height=\x228\x22 r\
x=\x220.5\x22/>\x0a  </g>\
\x0a</svg>\x0a\
"

qt_resource_name = b"\
\x00\x05\
\x00o\xa6S\
\x00i\
\x00c\x00o\x00n\x00s\
\x00\x09\
\x00(\xad#\
\x00s\
\x00t\x00y\x00l\x00e\x00.\x00q\x00s\x00s\
\x00\x09\
\x086\x8f\xa7\
\x00d\
\x00e\x00a\x00l\x00s\x00.\x00s\x00v\x00g\
\x00\x0a\
\x0a\xb3\x0aG\
\x00t\
\x00a\x00n\x00d\x00e\x00m\x00.\x00s\x00v\x00g\
\x00\x0a\
\x08J\x02\xa7\
\x00d\
\x00e\x00m\x00a\x00n\x00d\x00.\x00s\x00v\x00g\
\x00\x09\
\x06\x98\x8e\xa7\
\x00c\
\x00l\x00o\x00s\x00e\x00.\x00s\x00v\x00g\
\x00\x08\
\x06\xc1T\x07\
\x00o\
\x00p\x00e\x00n\x00.\x00s\x00v\x00g\
\x00\x0a\
\x0f\xc9CG\
\x00r\
\x00e\x00v\x00i\x00e\x00w\x00.\x00s\x00v\x00g\
"

qt_resource_struct = b"\
\x00\x00\x00\x00\x00\x02\x00\x00\x00\x02\x00\x00\x00\x01\
\x00\x00\x00\x10\x00\x00\x00\x00\x00\x01\x00\x00\x00\x00\
\x00\x00\x00\x00\x00\x02\x00\x00\x00\x06\x00\x00\x00\x03\
\x00\x00\x00t\x00\x00\x00\x00\x00\x01\x00\x00\x11+\
\x00\x00\x00\x8c\x00\x00\x00\x00\x00\x01\x00\x00\x12\x01\
\x00\x00\x00(\x00\x00\x00\x00\x00\x01\x00\x00\x0cH\
\x00\x00\x00Z\x00\x00\x00\x00\x00\x01\x00\x00\x0f\xcc\
\x00\x00\x00@\x00\x00\x00\x00\x00\x01\x00\x00\x0d\xc6\
\x00\x00\x00\xa2\x00\x00\x00\x00\x00\x01\x00\x00\x131\
"

def qInitResources():
    QtCore.qRegisterResourceData(0x01, qt_resource_struct, qt_resource_name, qt_resource_data)

def qCleanupResources():
    QtCore.qUnregisterResourceData(0x01, qt_resource_struct, qt_resource_name, qt_resource_data)

qInitResources()
