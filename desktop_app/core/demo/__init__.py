"""The sample business: a deterministic, believable book for the first start and benchmarks.

`generate_sample_business` fills an empty book with campaigns, leads arriving week by week,
their lifecycle history, deals, activities, content, objections and mode sessions.
"""

from desktop_app.core.demo.generator import SampleSummary, generate_sample_business

__all__ = ["SampleSummary", "generate_sample_business"]
