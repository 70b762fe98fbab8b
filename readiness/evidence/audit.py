"""Who read which evidence document: partners' documents can name children and families."""

import logging

audit = logging.getLogger("readiness.audit")
