from django.views.generic import DetailView, ListView

from articles.models import Article

from .models import Meeting, Organization


class OrganizationListView(ListView):
    model = Organization


class OrganizationDetailView(DetailView):
    model = Organization

    def get_context_data(self, **kwargs):
        articles = Article.objects.published().in_unit(self.object).for_listing()[:20]
        return super().get_context_data(articles=articles, **kwargs)


class MeetingListView(ListView):
    paginate_by = 20
    queryset = Meeting.objects.select_related("host")


class MeetingDetailView(DetailView):
    queryset = Meeting.objects.select_related("host", "term")

    def get_context_data(self, **kwargs):
        participations = self.object.participations.select_related("person")
        articles = self.object.articles.published()
        return super().get_context_data(participations=participations, articles=articles, **kwargs)
