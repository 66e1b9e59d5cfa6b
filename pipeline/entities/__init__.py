"""Knowledge behind the entity extractors: country, organisation and person-name lexicons built from data."""
