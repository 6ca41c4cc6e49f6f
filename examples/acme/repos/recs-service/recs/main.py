import asyncio
import logging
import os
from contextlib import asynccontextmanager, suppress

from fastapi import FastAPI

from recs import __version__
from recs.api.errors import install_error_handlers
from recs.api.routes import router
from recs.candidates.store import SnapshotStore
from recs.clients.catalog import CatalogClient
from recs.clients.http import HttpClient
from recs.config import get_settings
from recs.experiments.buckets import load_experiments
from recs.features.profile import ProfileStore
from recs.logging_setup import configure_logging
from recs.middleware.tracing import TracingMiddleware
from recs.scoring.model import DEFAULT_MODEL, LinearModel
from recs.service import Recommender

logger = logging.getLogger(__name__)

SNAPSHOT_REFRESH_SECONDS = 600


def build_recommender() -> Recommender:
    settings = get_settings()
    snapshots = SnapshotStore(settings.snapshot_path)
    snapshots.refresh()
    models = {"default": DEFAULT_MODEL}
    if os.path.exists(settings.weights_path):
        trained = LinearModel.load(settings.weights_path)
        models["trained"] = trained
        logger.info("loaded model weights %s", trained.version)
    experiments = load_experiments(settings.experiments_path) if os.path.exists(settings.experiments_path) else {}
    catalog = CatalogClient(HttpClient(settings.catalog_url), cache_seconds=settings.catalog_cache_seconds)
    return Recommender(snapshots, ProfileStore(), catalog, models, experiments)


async def refresh_snapshots(store: SnapshotStore) -> None:
    """Pick up the nightly snapshot without a restart."""
    while True:
        await asyncio.sleep(SNAPSHOT_REFRESH_SECONDS)
        try:
            await asyncio.to_thread(store.refresh)
        except Exception:
            logger.exception("snapshot refresh failed, keeping %s", store.current.version)


@asynccontextmanager
async def lifespan(app: FastAPI):
    configure_logging()
    if not hasattr(app.state, "recommender"):
        app.state.recommender = build_recommender()
    refresher = asyncio.create_task(refresh_snapshots(app.state.recommender.snapshots))
    yield
    refresher.cancel()
    with suppress(asyncio.CancelledError):
        await refresher
    app.state.recommender.catalog.close()


def create_app() -> FastAPI:
    app = FastAPI(title="recs-service", version=__version__, lifespan=lifespan)
    app.add_middleware(TracingMiddleware)
    install_error_handlers(app)
    app.include_router(router)

    @app.get("/healthz")
    def healthz():
        return {"status": "ok", "snapshot": app.state.recommender.snapshots.current.version}

    return app


app = create_app()
