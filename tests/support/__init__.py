"""What the test tiers share: the clock, sample data, form posting and the axe runner."""
