from django.shortcuts import get_object_or_404
from django.views.generic import DetailView, ListView
from django_filters.views import FilterView

from articles.views import PublishedArticlesMixin

from .filters import MeetingFilter
from .models import Meeting, Organization


class OrganizationListView(ListView):
    template_name = "organizations/organization_list.html"

    def get_queryset(self):
        return Organization.objects.select_related("succeeded_by")


class UnitArticleListView(PublishedArticlesMixin, ListView):
    """A unit's page: the unit (its facts come from inclusion tags) and its articles, sub-units' included."""

    template_name = "organizations/organization_detail.html"

    def get_queryset(self):
        self.unit = get_object_or_404(
            Organization.objects.select_related("succeeded_by", "contact_person"), slug=self.kwargs["slug"]
        )
        articles = super().get_queryset().in_unit(self.unit)
        if "period" in self.kwargs:
            articles = articles.in_period(self.kwargs["period"])
        return articles

    def get_context_data(self, **kwargs):
        return super().get_context_data(unit=self.unit, period=self.kwargs.get("period"), **kwargs)


class MeetingListView(FilterView):
    filterset_class = MeetingFilter
    paginate_by = 20
    template_name = "organizations/meeting_list.html"

    def get_queryset(self):
        return Meeting.objects.public().select_related("host")


class MeetingDetailView(DetailView):
    queryset = Meeting.objects.public().select_related("host", "term")

    def get_context_data(self, **kwargs):
        participations = self.object.participations.select_related("person")
        articles = self.object.articles.published().for_listing()
        return super().get_context_data(participations=participations, articles=articles, **kwargs)
