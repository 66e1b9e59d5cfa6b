"""Helpers of the events component and the timeline merger: intervals, lexicons, relevance, merging."""
