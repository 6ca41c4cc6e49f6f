import hmac

from fastapi import APIRouter, Depends, Header, Query, Request

from recs.api.errors import NotFound, RecsError
from recs.api.schemas import (
    ExperimentIn,
    InteractionsIn,
    RecommendationsResponse,
    RecommendedItem,
    SimilarResponse,
)
from recs.audit import audit_event
from recs.config import Settings, get_settings
from recs.experiments.buckets import Experiment, Variant
from recs.ingest import decode_batch, record_events
from recs.service import Recommender

router = APIRouter(prefix="/v1")


class Forbidden(RecsError):
    status_code = 403
    error_code = "forbidden"


def recommender(request: Request) -> Recommender:
    return request.app.state.recommender


def require_admin(
    authorization: str = Header(default=""),
    x_acme_actor: str = Header(default="unknown"),
    settings: Settings = Depends(get_settings),
) -> str:
    expected = f"Bearer {settings.admin_token}"
    if not settings.admin_token or not hmac.compare_digest(authorization, expected):
        raise Forbidden("admin token required")
    return x_acme_actor


@router.get("/recommendations/{user_id}", response_model=RecommendationsResponse)
def recommendations(
    user_id: str,
    limit: int | None = Query(default=None, ge=1),
    rec: Recommender = Depends(recommender),
    settings: Settings = Depends(get_settings),
):
    limit = min(limit or settings.default_limit, settings.max_limit)
    result = rec.for_user(user_id, limit)
    return RecommendationsResponse(
        user_id=user_id,
        items=[RecommendedItem(product_id=i.product_id, score=i.score) for i in result.items],
        variant=result.variant,
        model_version=result.model_version,
        snapshot_version=result.snapshot_version,
    )


@router.get("/similar/{product_id}", response_model=SimilarResponse)
def similar(product_id: str, limit: int = Query(default=12, ge=1, le=50), rec: Recommender = Depends(recommender)):
    if product_id not in rec.snapshots.current.category_of:
        raise NotFound(f"unknown product {product_id}")
    return SimilarResponse(product_id=product_id, items=rec.similar(product_id, limit))


@router.post("/events", status_code=202)
async def events(request: Request, rec: Recommender = Depends(recommender)):
    if request.headers.get("content-type", "").startswith("application/x-protobuf"):
        batch = decode_batch(await request.body())
    else:
        batch = [e.model_dump() for e in InteractionsIn.model_validate(await request.json()).events]
    return {"accepted": record_events(rec.profiles, batch)}


@router.put("/experiments/{name}")
def put_experiment(
    name: str,
    body: ExperimentIn,
    actor: str = Depends(require_admin),
    rec: Recommender = Depends(recommender),
):
    try:
        experiment = Experiment(
            name=name,
            salt=body.salt or name,
            enabled=body.enabled,
            variants=tuple(Variant(v.name, v.weight, v.params) for v in body.variants),
        )
    except ValueError as exc:
        raise RecsError(str(exc)) from exc
    previous = rec.experiments.get(name)
    rec.experiments[name] = experiment
    audit_event(
        actor,
        "experiment.update",
        f"experiment/{name}",
        enabled=experiment.enabled,
        variants={v.name: v.weight for v in experiment.variants},
        previous={v.name: v.weight for v in previous.variants} if previous else None,
    )
    return {"name": name, "enabled": experiment.enabled, "variants": [v.name for v in experiment.variants]}
