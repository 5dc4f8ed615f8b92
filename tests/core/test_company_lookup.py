"""Companies found by name or domain for the merge picker."""

from datetime import datetime

from desktop_app.core.models import Company
from desktop_app.core.services.company_lookup import CompanyChoice, companies_matching
from desktop_app.core.services.contacts import NewContact, add_lead
from desktop_app.core.store import Book


def test_companies_matching_by_name_or_domain_with_contact_counts(book: Book) -> None:
    at = datetime(2024, 3, 1)
    add_lead(book, NewContact("Ana Souza", "ana@acme.example", "Acme"), at)
    add_lead(book, NewContact("Bo Lind", "bo@acme.example", "Acme"), at)
    add_lead(book, NewContact("Cy Ode", "cy@acme-inc.example", "ACME Inc."), at)
    with book.transaction() as session:
        session.add(Company(name="Zeta", name_key="zeta", domain="Zeta.IO", created_at=at))

    found = companies_matching(book, "  acme ")
    assert [(c.name, c.contacts) for c in found] == [("Acme", 2), ("ACME Inc.", 1)]
    assert all(isinstance(c, CompanyChoice) and c.domain == "" for c in found)
    assert [c.name for c in companies_matching(book, "zeta.io")] == ["Zeta"]
    assert companies_matching(book, "ZETA")[0].domain == "Zeta.IO"
    assert companies_matching(book, "ZETA")[0].contacts == 0
    assert len(companies_matching(book, "")) == 3
    assert len(companies_matching(book, "", limit=2)) == 2
    assert companies_matching(book, "nobody") == []
