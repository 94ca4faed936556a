"""Help near you: places that help people get online, from content/places/."""
