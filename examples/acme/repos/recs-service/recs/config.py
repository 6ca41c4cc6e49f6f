from functools import lru_cache

from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="RECS_", env_file=".env", extra="ignore")

    env: str = "dev"
    catalog_url: str = "http://catalog-bff.catalog.svc.cluster.local"
    snapshot_path: str = "/data/snapshot/latest.json.gz"
    weights_path: str = "/data/model/weights.json"
    experiments_path: str = "/data/experiments.json"
    default_limit: int = 12
    max_limit: int = 50
    catalog_cache_seconds: int = 300
    admin_token: str = ""


@lru_cache
def get_settings() -> Settings:
    return Settings()
