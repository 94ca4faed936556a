"""The portal: create_app() builds a Flask app from a config object."""

import os

import click
from flask import Flask
from jinja2 import ChoiceLoader, FileSystemLoader, PackageLoader, PrefixLoader

from config import ROOT, Config, ConfigError, config_from_environment
from portal.addresses import Portal, register_addresses
from portal.assets import AssetsNotBuilt, register_assets
from portal.bundle import BrokenContent, load_content
from portal.caching import register_caching
from portal.extensions import babel, cache, compress, csrf, db, limiter, migrate
from portal.i18n import current_language, register_languages
from portal.publishing.loader import ContentError
from portal.request_log import register_request_log
from portal.security import register_security


def create_app(config: Config | None = None) -> Flask:
    """Build the portal. Refuses to start on missing secrets or invalid content.

    On the command line (the `flask` command) such a refusal is said plainly, on one line
    for a setting, with no traceback: it is something the person typing can put right.
    """
    try:
        return _create_app(config)
    except STARTUP_PROBLEMS as problem:
        if click.get_current_context(silent=True) is None:
            raise  # a server, or a test: the caller decides what to do
        raise SystemExit(startup_problem_message(problem)) from None


# What stops the portal starting that the person running it can put right.
STARTUP_PROBLEMS = (ConfigError, ContentError, AssetsNotBuilt)


def startup_problem_message(problem: Exception) -> str:
    """A start-up problem as the command line says it, with what to do."""
    if isinstance(problem, ContentError):
        lines = problem.lines() if isinstance(problem, BrokenContent) else str(problem).splitlines()
        problems = "\n".join(f"  {line}" for line in lines)
        return (
            "Error: the portal cannot start until these content problems are fixed "
            f"(see docs/content-guide.md):\n{problems}"
        )
    message = str(problem)
    if isinstance(problem, ConfigError) and "PORTAL_ENV" not in os.environ:
        # No PORTAL_ENV means the production settings: say how a checkout gets its own.
        message = (
            f"{message.removesuffix('.')}, or set this checkout up for development with "
            "`make run` (it writes PORTAL_ENV=development to .flaskenv)."
        )
    return f"Error: {message}"


def _create_app(config: Config | None) -> Flask:
    config = config or config_from_environment()
    config.validate()
    # Static files are served by WhiteNoise (portal.assets), not Flask's static route.
    app = Portal(__name__, static_folder=None, template_folder=None)
    app.config.from_object(config)
    register_jinja(app)
    register_extensions(app)
    register_languages(app)
    register_addresses(app)
    register_request_log(app)
    register_caching(app)
    register_assets(app)
    register_blueprints(app)
    # After the routes: broken content is then checked against every address the portal
    # answers, as `flask content check` does.
    register_content(app)
    register_housekeeping(app)
    register_cli(app)
    register_security(app)  # last: its middleware wraps everything else
    return app


def register_jinja(app: Flask) -> None:
    """Our templates at the top level, GOV.UK macros under their package names. Ours are
    searched first, so templates/govuk_frontend_wtf/ replaces that package's widget
    templates (to give each widget's component its words in the page's language)."""
    from portal.govuk_text import govuk_text

    app.jinja_loader = ChoiceLoader(
        [
            FileSystemLoader(str(ROOT / "templates")),
            PrefixLoader(
                {
                    "govuk_frontend_jinja": PackageLoader("govuk_frontend_jinja"),
                    "govuk_frontend_wtf": PackageLoader("govuk_frontend_wtf"),
                }
            ),
        ]
    )
    app.jinja_env.add_extension("jinja2.ext.do")
    app.jinja_env.globals["govuk_text"] = govuk_text
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True


def register_extensions(app: Flask) -> None:
    # The models must be imported for migrations to know them.
    import portal.assist.models
    import portal.callbacks.models
    import portal.feedback.models
    import portal.messages.models
    import portal.receipts
    import portal.transactions.models  # noqa: F401

    db.init_app(app)
    migrate.init_app(app, db, directory=str(ROOT / "migrations"))
    babel.init_app(app, locale_selector=current_language)
    csrf.init_app(app)
    # Flask-Limiter keeps default limits on the one shared Limiter and reads them only from
    # the first app's config; clear them so each app (a test's, say) uses its own.
    limiter.limit_manager.set_default_limits([])
    limiter.init_app(app)
    compress.init_app(app)
    cache.init_app(app)


def register_content(app: Flask) -> None:
    """Build the content now, so bad content stops start-up, not a request. The preview
    is the exception: it starts anyway and shows the content designer what to fix."""
    if app.config["PREVIEW"]:
        from portal.preview.reload import register_reloading

        register_reloading(app)
    else:
        load_content(app)


def register_blueprints(app: Flask) -> None:
    from portal.api.views import bp as api
    from portal.assist.assisted import assisted_source
    from portal.assist.views import bp as staff
    from portal.callbacks.views import bp as callbacks
    from portal.callbacks.views import sitemap_values as callback_pages
    from portal.errors import register_error_pages
    from portal.feedback.views import bp as feedback
    from portal.feedback.views import sitemap_values as feedback_pages
    from portal.health import bp as health
    from portal.layout import register_layout
    from portal.messages.views import bp as messages
    from portal.messages.views import register_development_inbox
    from portal.messages.views import sitemap_values as message_pages
    from portal.needs.declared_language import register_declared_language
    from portal.needs.store import cookie_source, preview_source, register_needs
    from portal.needs.views import bp as needs
    from portal.needs.views import sitemap_values as needs_pages
    from portal.needs.visitor import register_visitor
    from portal.performance.views import bp as performance
    from portal.performance.views import sitemap_values as performance_pages
    from portal.places.views import bp as places
    from portal.places.views import sitemap_values as places_pages
    from portal.search.views import bp as search
    from portal.search.views import sitemap_values as search_pages
    from portal.services.views import bp as services
    from portal.services.views import sitemap_values as services_pages
    from portal.sitemap import register_sitemap
    from portal.transactions.views import bp as forms
    from portal.transactions.views import sitemap_values as form_pages

    app.register_blueprint(health)
    app.register_blueprint(services)
    app.register_blueprint(needs)
    app.register_blueprint(forms)
    app.register_blueprint(search)
    app.register_blueprint(places)
    app.register_blueprint(api)
    app.register_blueprint(feedback)
    app.register_blueprint(performance)
    app.register_blueprint(callbacks)
    app.register_blueprint(staff)
    app.register_blueprint(messages)
    register_development_inbox(app)
    if app.config["PREVIEW"]:
        from portal.preview.views import bp as preview

        app.register_blueprint(preview)
    register_needs(app)
    # Who is being served, from the first of these that knows: the preview's code in the
    # URL, an assisted session (staff helping someone), the needs cookie.
    register_visitor(app, [preview_source, assisted_source, cookie_source])
    # Then the language the visitor declared, on every citizen page they open.
    register_declared_language(app)
    register_sitemap(
        app,
        services_pages,
        needs_pages,
        form_pages,
        search_pages,
        places_pages,
        feedback_pages,
        performance_pages,
        callback_pages,
        message_pages,
    )
    register_layout(app)
    register_error_pages(app)


def register_housekeeping(app: Flask) -> None:
    """What `flask data purge` deletes, and what ending an assisted session forgets."""
    from portal.assist.throttle import register_throttle_purge
    from portal.callbacks.drafts import register_callback_drafts
    from portal.feedback.votes import register_vote_purge
    from portal.messages.housekeeping import register_message_purge
    from portal.receipts import register_receipts
    from portal.transactions.draft_link import register_draft_links
    from portal.transactions.drafts import register_draft_purges

    register_draft_purges(app)
    register_draft_links(app)
    register_callback_drafts(app)
    register_receipts(app)
    register_vote_purge(app)
    register_throttle_purge(app)
    register_message_purge(app)


def register_cli(app: Flask) -> None:
    from portal.assist.cli import staff_cli, submissions_cli
    from portal.feedback.cli import feedback_cli
    from portal.messages.cli import messages_cli
    from portal.messages.lint import check_messages
    from portal.publishing.cli import CONTENT_CHECKS, content_cli
    from portal.transactions.cli import data_cli
    from portal.transparency.cli import a11y_cli

    app.cli.add_command(content_cli)
    app.cli.add_command(feedback_cli)
    app.cli.add_command(data_cli)
    app.cli.add_command(submissions_cli)
    app.cli.add_command(a11y_cli)
    app.cli.add_command(staff_cli)
    app.cli.add_command(messages_cli)
    app.extensions[CONTENT_CHECKS] = [check_messages]
