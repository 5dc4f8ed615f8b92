"""The sample business: a deterministic, believable book for the first start and benchmarks.

`generate_sample_business` fills an empty book with campaigns, leads arriving week by week,
their lifecycle history, deals, activities, content, objections and mode sessions, and
marks the book as the sample (`holds_sample`), which the window then says.
"""

from desktop_app.core.demo.generator import SampleSummary, generate_sample_business
from desktop_app.core.demo.marking import holds_sample

__all__ = ["SampleSummary", "generate_sample_business", "holds_sample"]
