"""What the test tiers share: test apps, the clock, sample data, form posting and the axe
runner. Test modules take their helpers from here, never from one another."""
