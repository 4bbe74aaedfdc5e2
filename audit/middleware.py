"""The request being served, for audit events written where no request is at hand (signal receivers)."""

from contextvars import ContextVar

current_request = ContextVar("current_request", default=None)


class CurrentRequestMiddleware:
    """Make the request available to `audit.models.record()` for the actor and IP of events it is not given."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = current_request.set(request)
        try:
            return self.get_response(request)
        finally:
            current_request.reset(token)
