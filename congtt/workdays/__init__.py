"""Working-day calendar (DL-1): weekends, Vietnamese public holidays and the
per-year days off / swapped working days edited in the admin.

The pure calendar lives in :mod:`congtt.workdays.calendar`; Django code should
use :mod:`congtt.workdays.services`, which adds the overrides stored in the DB.
"""
