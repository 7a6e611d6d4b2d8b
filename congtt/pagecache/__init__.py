"""Full-page cache for anonymous readers (issue 8): see docs/hieu-nang.md."""
