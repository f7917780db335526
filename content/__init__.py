"""Articles bundled with Narrator; installed as the package ``narrator.articles``."""
