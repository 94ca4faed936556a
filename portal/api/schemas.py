"""The shapes of the content API's responses: one set of models for the views and for the
OpenAPI document, so the document cannot drift from what the API sends."""

from datetime import date

from pydantic import BaseModel, Field


class ServiceSummary(BaseModel):
    slug: str = Field(description="Stable identifier of the service.")
    language: str = Field(description="Language of the text: en or cy.")
    fallback: bool = Field(
        description="True when the service has no text in the language asked for, so the "
        "English text is given instead."
    )
    title: str
    summary: str
    department: str = Field(description="Identifier of the department that runs it.")
    department_name: str
    topics: list[str]
    life_events: list[str]
    url: str = Field(description="Absolute address of the service page for citizens.")
    api_url: str = Field(description="Absolute address of this service in the API.")
    last_reviewed: date
    review_by: date


class Channel(BaseModel):
    way: str = Field(
        description="online, phone, relay_uk, bsl_video, email, text_message, post or in_person."
    )
    details: dict[str, str | list[str]] = Field(
        description="As in the content: numbers, hours, addresses, links."
    )


class ServiceDetail(ServiceSummary):
    body_html: str = Field(
        description="The page body as HTML with GOV.UK Frontend classes. Blocks for "
        "particular needs are all included, marked with app-needs-block classes."
    )
    channels: list[Channel] = Field(description="Ways to use the service, in default order.")
    versions: list[str] = Field(description="Other versions, such as easy-read.")


class PageLinks(BaseModel):
    self: str
    first: str
    last: str
    next: str | None = None
    prev: str | None = None


class PageMeta(BaseModel):
    page: int
    per_page: int
    total: int
    total_pages: int
    language: str


class ServiceList(BaseModel):
    data: list[ServiceSummary]
    links: PageLinks
    meta: PageMeta


class ServiceResponse(BaseModel):
    data: ServiceDetail


class Problem(BaseModel):
    """An error, in the shape of RFC 9457 problem details."""

    status: int
    title: str
    detail: str
