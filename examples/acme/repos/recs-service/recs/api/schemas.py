from pydantic import BaseModel, Field


class RecommendedItem(BaseModel):
    product_id: str
    score: float


class RecommendationsResponse(BaseModel):
    user_id: str
    items: list[RecommendedItem]
    variant: str
    model_version: str
    snapshot_version: str


class SimilarResponse(BaseModel):
    product_id: str
    items: list[str]


class InteractionIn(BaseModel):
    user_id: str = Field(min_length=1, max_length=64)
    product_id: str = Field(min_length=1, max_length=64)
    kind: str = Field(pattern="^(view|add_to_cart|purchase)$")
    category: str = ""
    price_cents: int = Field(default=0, ge=0)
    occurred_at_ms: int | None = None


class InteractionsIn(BaseModel):
    events: list[InteractionIn] = Field(max_length=500)


class ExperimentVariantIn(BaseModel):
    name: str
    weight: int = Field(ge=0, le=1000)
    params: dict = {}


class ExperimentIn(BaseModel):
    enabled: bool = True
    salt: str | None = None
    variants: list[ExperimentVariantIn] = Field(min_length=1)
