# Resource object code (Python 3)
# Created by: object code
# Created by: The Resource Compiler for Qt version 6.11.3
# WARNING! All changes made in this file will be lost!

from PySide6 import QtCore

qt_resource_data = b"\
\x00\x00\x0dC\
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
40 text\x0a *\x0a * On\
 a dark palette \
`style-dark.qss`\
 follows this sh\
eet and gives th\
e same rules the\
ir dark\x0a * colou\
rs (a rule later\
 in the sheet wi\
ns over the same\
 selector here).\
\x0a */\x0a\x0aQToolBar#m\
odeToolBar {\x0a   \
 spacing: 6px;\x0a \
   padding: 6px \
10px;\x0a    border\
: none;\x0a    bord\
er-bottom: 3px s\
olid #ADB5BD;\x0a  \
  background: #F\
8F9FA;\x0a}\x0aQToolBa\
r#modeToolBar[mo\
de=\x22demand\x22] { b\
order-bottom-col\
or: #D9480F; }\x0aQ\
ToolBar#modeTool\
Bar[mode=\x22deals\x22\
] { border-botto\
m-color: #1864AB\
; }\x0aQToolBar#mod\
eToolBar[mode=\x22r\
eview\x22] { border\
-bottom-color: #\
495057; }\x0a\x0aQTool\
Bar#modeToolBar \
QToolButton {\x0a  \
  padding: 5px 1\
2px;\x0a    border:\
 1px solid trans\
parent;\x0a    bord\
er-radius: 6px;\x0a\
    color: #343A\
40;\x0a}\x0aQToolBar#m\
odeToolBar QTool\
Button:hover { b\
ackground: #E9EC\
EF; }\x0aQToolBar#m\
odeToolBar QTool\
Button:checked {\
 font-weight: 60\
0; }\x0aQToolBar#mo\
deToolBar[mode=\x22\
demand\x22] QToolBu\
tton:checked {\x0a \
   background: #\
FFE8CC;\x0a    bord\
er-color: #FFC07\
8;\x0a    color: #9\
C3608;\x0a}\x0aQToolBa\
r#modeToolBar[mo\
de=\x22deals\x22] QToo\
lButton:checked \
{\x0a    background\
: #D0EBFF;\x0a    b\
order-color: #74\
C0FC;\x0a    color:\
 #1864AB;\x0a}\x0aQToo\
lBar#modeToolBar\
[mode=\x22review\x22] \
QToolButton:chec\
ked {\x0a    backgr\
ound: #E9ECEF;\x0a \
   border-color:\
 #CED4DA;\x0a    co\
lor: #212529;\x0a}\x0a\
\x0aQFrame#modeBann\
er {\x0a    border:\
 none;\x0a    borde\
r-left: 4px soli\
d #ADB5BD;\x0a    b\
order-bottom: 1p\
x solid #DEE2E6;\
\x0a    background:\
 #F1F3F5;\x0a}\x0aQFra\
me#modeBanner[mo\
de=\x22demand\x22] {\x0a \
   border-left-c\
olor: #D9480F;\x0a \
   border-bottom\
-color: #FFD8A8;\
\x0a    background:\
 #FFF4E6;\x0a}\x0aQFra\
me#modeBanner[mo\
de=\x22deals\x22] {\x0a  \
  border-left-co\
lor: #1864AB;\x0a  \
  border-bottom-\
color: #A5D8FF;\x0a\
    background: \
#E7F5FF;\x0a}\x0aQFram\
e#modeBanner QLa\
bel { background\
: transparent; c\
olor: #343A40; }\
\x0aQFrame#modeBann\
er QLabel#banner\
Title { font-wei\
ght: 600; }\x0aQFra\
me#modeBanner[mo\
de=\x22demand\x22] QLa\
bel#bannerTitle \
{ color: #9C3608\
; }\x0aQFrame#modeB\
anner[mode=\x22deal\
s\x22] QLabel#banne\
rTitle { color: \
#1864AB; }\x0aQFram\
e#modeBanner QTo\
olButton {\x0a    b\
order: none;\x0a   \
 border-radius: \
4px;\x0a    padding\
: 2px;\x0a    backg\
round: transpare\
nt;\x0a}\x0aQFrame#mod\
eBanner QToolBut\
ton:hover { back\
ground: rgba(0, \
0, 0, 20); }\x0a\x0aQS\
tatusBar {\x0a    b\
order-top: 1px s\
olid #DEE2E6;\x0a  \
  background: #F\
8F9FA;\x0a}\x0aQStatus\
Bar[mode=\x22demand\
\x22] { background:\
 #FFF4E6; border\
-top-color: #FFD\
8A8; }\x0aQStatusBa\
r[mode=\x22deals\x22] \
{ background: #E\
7F5FF; border-to\
p-color: #A5D8FF\
; }\x0aQStatusBar::\
item { border: n\
one; }\x0aQStatusBa\
r QLabel { paddi\
ng: 0 8px; color\
: #495057; }\x0aQSt\
atusBar QLabel#m\
odeStatus { font\
-weight: 600; co\
lor: #343A40; }\x0a\
QStatusBar[mode=\
\x22demand\x22] QLabel\
#modeStatus { co\
lor: #9C3608; }\x0a\
QStatusBar[mode=\
\x22deals\x22] QLabel#\
modeStatus { col\
or: #1864AB; }\x0a\x0a\
QDialog#FirstSta\
rtDialog QLabel#\
headingLabel { f\
ont-size: 15pt; \
font-weight: 600\
; }\x0aQDialog#Firs\
tStartDialog QLa\
bel#bookLabel { \
color: #495057; \
}\x0a\x0aQLabel#openin\
gState { font-si\
ze: 13pt; color:\
 #868E96; }\x0a\x0aQWi\
dget#standardRem\
inderBar { backg\
round: #FFF4E6; \
border-left: 3px\
 solid #D9480F; \
}\x0a\
\x00\x00\x09\xc6\
/\
*\x0a * Tandem's st\
yle sheet on a d\
ark palette: rea\
d after `style.q\
ss`, it gives th\
e same rules\x0a * \
their dark colou\
rs and changes n\
othing else. The\
 accents stay th\
ose of each mode\
, lighter\x0a * so \
that they read o\
n dark, over tin\
ts that are dark\
 shades of the s\
ame hue.\x0a *\x0a * D\
emand creation  \
#FF922B accent, \
#33241A tint, #F\
FA94D text\x0a * De\
al conversion  #\
4DABF7 accent, #\
1A2A3A tint, #74\
C0FC text\x0a * Wee\
kly review    #A\
DB5BD accent, #2\
C2E33 tint, #E9E\
CEF text\x0a */\x0a\x0aQT\
oolBar#modeToolB\
ar { border-bott\
om-color: #5C5F6\
6; background: #\
2C2E33; }\x0aQToolB\
ar#modeToolBar[m\
ode=\x22demand\x22] { \
border-bottom-co\
lor: #FF922B; }\x0a\
QToolBar#modeToo\
lBar[mode=\x22deals\
\x22] { border-bott\
om-color: #4DABF\
7; }\x0aQToolBar#mo\
deToolBar[mode=\x22\
review\x22] { borde\
r-bottom-color: \
#ADB5BD; }\x0a\x0aQToo\
lBar#modeToolBar\
 QToolButton { c\
olor: #E9ECEF; }\
\x0aQToolBar#modeTo\
olBar QToolButto\
n:hover { backgr\
ound: #373A40; }\
\x0aQToolBar#modeTo\
olBar[mode=\x22dema\
nd\x22] QToolButton\
:checked {\x0a    b\
ackground: #4A2A\
12;\x0a    border-c\
olor: #D9480F;\x0a \
   color: #FFC07\
8;\x0a}\x0aQToolBar#mo\
deToolBar[mode=\x22\
deals\x22] QToolBut\
ton:checked {\x0a  \
  background: #1\
5314D;\x0a    borde\
r-color: #1C7ED6\
;\x0a    color: #A5\
D8FF;\x0a}\x0aQToolBar\
#modeToolBar[mod\
e=\x22review\x22] QToo\
lButton:checked \
{\x0a    background\
: #373A40;\x0a    b\
order-color: #5C\
5F66;\x0a    color:\
 #F8F9FA;\x0a}\x0a\x0aQFr\
ame#modeBanner {\
 border-left-col\
or: #5C5F66; bor\
der-bottom-color\
: #373A40; backg\
round: #2C2E33; \
}\x0aQFrame#modeBan\
ner[mode=\x22demand\
\x22] {\x0a    border-\
left-color: #FF9\
22B;\x0a    border-\
bottom-color: #5\
C3417;\x0a    backg\
round: #33241A;\x0a\
}\x0aQFrame#modeBan\
ner[mode=\x22deals\x22\
] {\x0a    border-l\
eft-color: #4DAB\
F7;\x0a    border-b\
ottom-color: #1B\
3B5A;\x0a    backgr\
ound: #1A2A3A;\x0a}\
\x0aQFrame#modeBann\
er QLabel { colo\
r: #DEE2E6; }\x0aQF\
rame#modeBanner[\
mode=\x22demand\x22] Q\
Label#bannerTitl\
e { color: #FFA9\
4D; }\x0aQFrame#mod\
eBanner[mode=\x22de\
als\x22] QLabel#ban\
nerTitle { color\
: #74C0FC; }\x0aQFr\
ame#modeBanner Q\
ToolButton:hover\
 { background: r\
gba(255, 255, 25\
5, 30); }\x0a\x0aQStat\
usBar { border-t\
op-color: #373A4\
0; background: #\
2C2E33; }\x0aQStatu\
sBar[mode=\x22deman\
d\x22] { background\
: #33241A; borde\
r-top-color: #5C\
3417; }\x0aQStatusB\
ar[mode=\x22deals\x22]\
 { background: #\
1A2A3A; border-t\
op-color: #1B3B5\
A; }\x0aQStatusBar \
QLabel { color: \
#C1C2C5; }\x0aQStat\
usBar QLabel#mod\
eStatus { color:\
 #E9ECEF; }\x0aQSta\
tusBar[mode=\x22dem\
and\x22] QLabel#mod\
eStatus { color:\
 #FFA94D; }\x0aQSta\
tusBar[mode=\x22dea\
ls\x22] QLabel#mode\
Status { color: \
#74C0FC; }\x0a\x0aQDia\
log#FirstStartDi\
alog QLabel#book\
Label { color: #\
ADB5BD; }\x0a\x0aQLabe\
l#openingState {\
 color: #909296;\
 }\x0a\x0aQWidget#stan\
dardReminderBar \
{ background: #3\
3241A; border-le\
ft-color: #FF922\
B; }\x0a\
\x00\x00\x01z\
<\
svg xmlns=\x22http:\
//www.w3.org/200\
0/svg\x22 width=\x2224\
\x22 height=\x2224\x22 vi\
ewBox=\x220 0 24 24\
\x22>\x0a  <g fill=\x22no\
ne\x22 stroke=\x22#1C7\
ED6\x22 stroke-widt\
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
\x00\x00\x02!\
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
ircle cx=\x2218\x22 cy\
=\x2238\x22 r=\x2210\x22 str\
oke=\x22#FD7E14\x22/>\x0a\
    <circle cx=\x22\
46\x22 cy=\x2238\x22 r=\x221\
0\x22 stroke=\x22#4DAB\
F7\x22/>\x0a  </g>\x0a  <\
g fill=\x22none\x22 st\
roke=\x22#F1F3F5\x22 s\
troke-width=\x223.5\
\x22 stroke-linecap\
=\x22round\x22 stroke-\
linejoin=\x22round\x22\
>\x0a    <path d=\x22M\
18 38L25 23H41L4\
6 38M25 23L32 38\
L41 23\x22/>\x0a    <p\
ath d=\x22M25 23l-1\
-6M41 23l-1-6\x22/>\
\x0a    <path d=\x22M2\
0 16h7M36 16h7\x22/\
>\x0a  </g>\x0a</svg>\x0a\
\
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
ne\x22 stroke=\x22#868\
E96\x22 stroke-widt\
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
ne\x22 stroke=\x22#868\
E96\x22 stroke-widt\
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
ne\x22 stroke=\x22#868\
E96\x22 stroke-widt\
h=\x222\x22 stroke-lin\
ecap=\x22round\x22 str\
oke-linejoin=\x22ro\
und\x22>\x0a    <path \
d=\x22M4 20h16\x22/>\x0a \
   <path d=\x22M4 4\
v16\x22/>\x0a  </g>\x0a  \
<g fill=\x22#868E96\
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
\x00\x0e\
\x00\x8bAC\
\x00s\
\x00t\x00y\x00l\x00e\x00-\x00d\x00a\x00r\x00k\x00.\x00q\x00s\x00s\
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
\x00\x00\x00\x00\x00\x02\x00\x00\x00\x03\x00\x00\x00\x01\
\x00\x00\x00\x10\x00\x00\x00\x00\x00\x01\x00\x00\x00\x00\
\x00\x00\x00\x00\x00\x02\x00\x00\x00\x06\x00\x00\x00\x04\
\x00\x00\x00(\x00\x00\x00\x00\x00\x01\x00\x00\x0dG\
\x00\x00\x00\x96\x00\x00\x00\x00\x00\x01\x00\x00\x1c\x13\
\x00\x00\x00\xae\x00\x00\x00\x00\x00\x01\x00\x00\x1c\xe9\
\x00\x00\x00J\x00\x00\x00\x00\x00\x01\x00\x00\x17\x11\
\x00\x00\x00|\x00\x00\x00\x00\x00\x01\x00\x00\x1a\xb4\
\x00\x00\x00b\x00\x00\x00\x00\x00\x01\x00\x00\x18\x8f\
\x00\x00\x00\xc4\x00\x00\x00\x00\x00\x01\x00\x00\x1e\x19\
"

def qInitResources():
    QtCore.qRegisterResourceData(0x01, qt_resource_struct, qt_resource_name, qt_resource_data)

def qCleanupResources():
    QtCore.qUnregisterResourceData(0x01, qt_resource_struct, qt_resource_name, qt_resource_data)

qInitResources()
