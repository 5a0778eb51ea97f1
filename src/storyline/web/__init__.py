"""The web app: upload articles, browse stories and dossiers, JSON API, search (FastAPI).

``create_app(db_url)`` builds it over a store; ``storyline serve`` runs it with uvicorn.
"""

from storyline.web.app import create_app

__all__ = ["create_app"]
