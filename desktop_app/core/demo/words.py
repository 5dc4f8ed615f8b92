"""The words the sample business is written in: people, companies, packages and quotes.

The sample founder sells Dispatchly, planning software for small logistics and field-service
firms, so names, packages, quotes and content fit one believable business. Every e-mail and web
address uses the reserved `.example` top-level domain so that no sample row points at a real
person or site.
"""

from desktop_app.core.vocabulary import ActivityKind, ObjectionCategory

# fmt: off
FIRST_NAMES = (
    "Anna", "Ben", "Clara", "David", "Elif", "Felix", "Greta", "Hannah", "Ian", "Jonas", "Katrin",
    "Lars", "Maja", "Nils", "Olivia", "Paul", "Queenie", "Rafael", "Sofia", "Tobias", "Ulla",
    "Viktor", "Wiebke", "Xavier", "Yara", "Zoë", "Amélie", "Björn", "Chiara", "Dario", "Emma",
    "Finn", "Giulia", "Henrik", "Ines", "Jakob", "Karin", "Luca", "Marta", "Noah", "Oskar", "Pia",
    "Ruth", "Samuel", "Tessa", "Uwe", "Vera", "William", "Ada", "Bastian", "Carlos", "Dana",
    "Emil", "Frida", "Georg", "Helena", "Isak", "Julia", "Kai", "Lena", "Mats", "Nora", "Ole",
    "Petra", "Rosa", "Simon", "Thea", "Valentin", "Wendy", "Yusuf", "Aisha", "Bram", "Chloé",
    "Daan", "Eva", "Fatima", "Gustav", "Hugo", "Ida", "José", "Lotte", "Mila", "Nadia", "Omar",
    "Priya", "Sanne", "Timo", "Ruben", "Lea", "Matteo",
)

LAST_NAMES = (
    "Schmidt", "Jansen", "Müller", "Andersson", "Rossi", "Dubois", "Novak", "Kowalski", "Larsen",
    "Nielsen", "Bakker", "Visser", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Hoffmann",
    "Schulz", "Koch", "Richter", "Klein", "Wolf", "Neumann", "Schwarz", "Zimmermann", "Braun",
    "Krüger", "Hartmann", "Lange", "Werner", "Krause", "Lehmann", "Köhler", "Martin", "Bernard",
    "Petit", "Moreau", "Laurent", "Garcia", "Fernández", "López", "Martínez", "Bianchi", "Romano",
    "Colombo", "Ricci", "Marino", "Greco", "Bruno", "Gallo", "Conti", "Johansson", "Karlsson",
    "Nilsson", "Eriksson", "Olsen", "Hansen", "Pedersen", "Berg", "Haugen", "Virtanen", "Korhonen",
    "Mäkinen", "Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Evans", "Thomas",
    "Roberts", "Walker", "Wright", "Hughes", "Green", "O'Brien", "Murphy", "Kelly", "Byrne",
    "de Vries", "van Dijk", "de Jong", "Peeters", "Maes", "Janssens", "Dvořák", "Horvat", "Kovač",
    "Nagy", "Szabó", "Popescu", "Ionescu", "Yilmaz", "Demir", "Kaya", "Öztürk", "Ahmed", "Khan",
    "Silva", "Santos", "Costa", "Oliveira", "Pereira", "Lind", "Holm", "Sandberg", "Engel",
    "Vogel", "Frank",
)

#: Roles, and how often each turns up among the leads.
ROLES = (
    ("Founder", 6), ("Managing Director", 6), ("Owner", 5), ("CEO", 3), ("COO", 2),
    ("Head of Operations", 8), ("Operations Manager", 10), ("Dispatch Manager", 9),
    ("Fleet Manager", 6), ("Office Manager", 7), ("Planner", 6), ("Team Lead Field Service", 5),
    ("Finance Manager", 3), ("IT Administrator", 3), ("Project Manager", 4),
    ("Customer Service Lead", 3), ("Operations Analyst", 3), ("Working Student", 1),
)

COMPANY_FIRST = (
    "Nordlicht", "Blue Harbor", "Keller", "Alpenglow", "Riverside", "Oakridge", "Brightwater",
    "Falk", "Greenline", "Ironbridge", "Lindqvist", "Meridian", "Northgate", "Orchard", "Pioneer",
    "Quayside", "Redwood", "Silverline", "Summit", "Tidewater", "Vantage", "Westend", "Zephyr",
    "Amsel", "Birch", "Copperfield", "Delta", "Elbe", "Fjord", "Granite", "Hansa", "Isar",
    "Juniper", "Kestrel", "Lumen", "Maple", "Nova", "Osprey", "Polaris", "Rhein", "Saffron",
    "Thistle", "Union", "Vesta", "Willow", "Yardley", "Zenith", "Atlas", "Beacon", "Cedar", "Dune",
    "Ember", "Foxglove", "Harbour Lane", "Kite", "Lark", "Mistral", "Nimbus", "Anker", "Brückner",
)

COMPANY_TRADE = (
    "Logistics", "Freight", "Couriers", "Removals", "Facility Services", "Cleaning", "Plumbing",
    "Electrical", "Landscaping", "Catering", "Home Care", "Transport", "Field Services",
    "Installations", "Maintenance", "Security", "Roofing", "HVAC", "Deliveries", "Movers", "Solar",
    "Pest Control", "Building Services", "Fleet", "Haulage", "Distribution", "Warehousing",
    "Glaziers", "Mailing", "Event Services", "Medical Transport", "Craftworks", "Joinery",
    "Scaffolding", "Garden Care", "Window Cleaning", "Repairs", "Service Group", "Express",
    "Supply",
)

COMPANY_LEGAL = (
    "", " GmbH", " Ltd", " BV", " AB", " & Co", " AG", " ApS", " SAS", " Oy",
)

CITIES = (
    "Hamburg", "Bremen", "Leipzig", "Cologne", "Munich", "Vienna", "Zurich", "Basel", "Rotterdam",
    "Utrecht", "Antwerp", "Ghent", "Lyon", "Lille", "Malmö", "Gothenburg", "Aarhus", "Odense",
    "Bergen", "Tampere", "Leeds", "Bristol", "Glasgow", "Dublin", "Cork", "Porto", "Valencia",
    "Turin", "Bologna", "Krakow",
)

#: Employee-count bands (low, high) and how often a lead's company falls in each.
COMPANY_SIZES = (
    ((1, 9), 18), ((10, 49), 38), ((50, 199), 28), ((200, 999), 12), ((1000, 5000), 4),
)

PHONE_PREFIXES = (
    "+49 30", "+49 40", "+49 89", "+31 20", "+44 20", "+33 1", "+46 8", "+45 33",
)

TAGS = (
    "newsletter", "webinar", "pilot-interest", "api", "multi-depot", "dach", "benelux", "nordics",
    "uk", "warm", "partner-intro", "pricing-page", "trial", "franchise",
)
# fmt: on

CONTACT_NOTES = (
    "Asked about the driver app on the first call.",
    "Prefers e-mail; calls only after 2 pm.",
    "Met at the booth; runs 14 vans.",
    "Uses a whiteboard and WhatsApp for planning today.",
    "Introduced by an existing customer.",
    "Wants to see the route optimisation before anything else.",
)

#: Why a lead is dropped at qualification, after the first contact, and after the hand-off.
DISQUALIFIED_AT_LEAD = (
    "Student project, no budget",
    "Competitor researching our pricing",
    "Outside our market (private customer)",
    "Single-person business, too small for us",
    "Fake details on the sign-up form",
    "Only wanted the free planning template",
    "Job seeker, not a buyer",
)
DISQUALIFIED_AT_MQL = (
    "No budget until next year",
    "Already signed with a competitor",
    "Not the decision maker and no introduction",
    "Needs an on-premise installation",
    "Went silent after three attempts",
)
DISQUALIFIED_AT_SQL = (
    "Not a fit after the discovery call",
    "Project cancelled on their side",
    "Needs features we will not build",
)

#: What was sold: (package, smallest value, largest value).
PACKAGES = (
    ("Starter plan (annual)", 1_500, 4_000),
    ("Onboarding workshop", 1_500, 6_000),
    ("Three-month pilot", 2_000, 8_000),
    ("Team plan (annual)", 4_000, 15_000),
    ("Route planning add-on", 3_000, 12_000),
    ("Premium support", 5_000, 20_000),
    ("Implementation project", 10_000, 40_000),
    ("Enterprise plan (annual)", 20_000, 60_000),
)

#: An open deal's possible next steps in each stage, with the activity each is scheduled as.
NEXT_STEPS = {
    "discovery": (
        ("Book the demo with their dispatcher", ActivityKind.CALL),
        ("Send the discovery summary", ActivityKind.EMAIL),
        ("Demo for the operations team", ActivityKind.DEMO),
    ),
    "demo": (
        ("Send the proposal", ActivityKind.PROPOSAL_SENT),
        ("Answer the integration questions", ActivityKind.EMAIL),
        ("Second demo for the drivers' lead", ActivityKind.DEMO),
    ),
    "proposal": (
        ("Follow up on the proposal", ActivityKind.CALL),
        ("Walk their MD through the pricing", ActivityKind.MEETING),
        ("Send the revised quote", ActivityKind.PROPOSAL_SENT),
    ),
    "negotiation": (
        ("Contract review call", ActivityKind.CALL),
        ("Send the order form", ActivityKind.EMAIL),
        ("Agree the onboarding start date", ActivityKind.MEETING),
    ),
}

#: Lost reasons, each with the objection category it usually comes from.
LOST_REASONS = (
    ("Went with a competitor", ObjectionCategory.COMPETITOR),
    ("No budget this year", ObjectionCategory.PRICE),
    ("Too expensive for their size", ObjectionCategory.PRICE),
    ("Timing: revisit next quarter", ObjectionCategory.TIMING),
    ("No decision, went silent", ObjectionCategory.AUTHORITY),
    ("Chose to keep their spreadsheet", ObjectionCategory.NEED),
    ("Missing an integration they need", ObjectionCategory.FIT),
    ("Champion left the company", ObjectionCategory.OTHER),
)

#: Objections as customers said them, by category.
QUOTES: dict[str, tuple[str, ...]] = {
    ObjectionCategory.PRICE: (
        "Honestly, that's more than we pay for our whole accounting package.",
        "If it were half the price I'd sign today.",
        "We'd need to see it pay for itself within six months.",
        "Per-seat pricing kills it for us once the seasonal drivers join.",
        "My accountant will ask why this costs more than the van lease.",
        "Can you do something on the setup fee? That's the part I can't justify.",
    ),
    ObjectionCategory.TIMING: (
        "Call me after peak season; nothing new gets rolled out before October.",
        "We're in the middle of moving to a new ERP, ask me again in Q3.",
        "I like it, but my team can't take on another tool this quarter.",
        "Next year's budget is only decided in November.",
        "We've just hired two planners; let them settle in first.",
    ),
    ObjectionCategory.AUTHORITY: (
        "I'll have to run it past our managing director; she signs anything over five grand.",
        "Our IT guy has a veto on every new tool, and he's on holiday for three weeks.",
        "I'm not the one who decides; procurement does, and they want three quotes.",
        "The owner loves his spreadsheets. Convincing him is the hard part.",
    ),
    ObjectionCategory.NEED: (
        "To be honest we manage fine with the shared spreadsheet.",
        "I'm not sure the problem is big enough to pay for a tool.",
        "We only do about ten jobs a day; is it worth it at our size?",
        "Our current process works. It's slow, but it works.",
    ),
    ObjectionCategory.FIT: (
        "Without a DATEV export this is a non-starter for our bookkeeping.",
        "The drivers need it in Polish and Romanian, not just English.",
        "Does it run on the old Android scanners in the warehouse? If not, we're out.",
        "We're a franchise: every depot needs its own account and one invoice.",
    ),
    ObjectionCategory.COMPETITOR: (
        "RouteMax does most of this and we already pay for it.",
        "Our ERP has a planning module. It's clunky, but it's paid for.",
        "Another vendor offered us the first year free.",
        "We looked at PlanPro too, and their demo looked slicker.",
        "Our agency built us something in Airtable; why would we switch?",
    ),
    ObjectionCategory.TRUST: (
        "You're a small company. What happens to our data if you disappear?",
        "I haven't seen anyone in our industry using it yet.",
        "Can you put me in touch with a customer who has used it for a year?",
        "Where are the servers? Our clients ask about GDPR every single time.",
    ),
    ObjectionCategory.OTHER: (
        "Send me something in writing; I don't make decisions on calls.",
        "My partner handles anything with a login, I'll forward it to her.",
        "Let's talk again once our new website is live.",
    ),
}

#: How often each category is heard on a call.
OBJECTION_WEIGHTS = {
    ObjectionCategory.PRICE: 28,
    ObjectionCategory.TIMING: 17,
    ObjectionCategory.COMPETITOR: 14,
    ObjectionCategory.NEED: 11,
    ObjectionCategory.AUTHORITY: 10,
    ObjectionCategory.FIT: 8,
    ObjectionCategory.TRUST: 8,
    ObjectionCategory.OTHER: 4,
}

#: Categories that may be left without a published answer, so the sample shows a content gap.
GAP_CANDIDATES = (
    ObjectionCategory.TIMING,
    ObjectionCategory.AUTHORITY,
    ObjectionCategory.TRUST,
    ObjectionCategory.FIT,
)

BLOG_TOPICS = (
    "five signs your dispatch board is leaking hours",
    "what a missed follow-up really costs a courier firm",
    "planning for peak season without overtime",
    "why drivers ignore the route sheet",
    "one depot to three: what breaks first",
    "the real cost of a whiteboard planner",
    "how to price same-day jobs",
    "a week of planning in 20 minutes",
    "from WhatsApp groups to a shared schedule",
    "what we learned from 40 customer interviews",
    "the planner's checklist for Monday morning",
    "handling no-shows without losing the day",
)

OUTREACH_SEGMENTS = (
    "courier firms in the Ruhr area",
    "cleaning companies with 20+ staff",
    "removal firms in Benelux",
    "HVAC installers",
    "facility managers in Vienna",
    "medical transport providers",
    "landscaping firms",
    "regional hauliers",
)
