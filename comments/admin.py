import csv

from django.contrib import admin, messages
from django.db.models import Case, F, Q, When
from django.http import HttpResponse
from django.utils import timezone
from django.utils.timesince import timesince
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from articles.models import Article
from audit.models import AuditEvent, record
from newsroom import pagecache

from .models import BannedWord, Closure, Comment
from .services import erase_commenter


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin):
    """The approvers' queue: the comments on their units' articles, pending first, oldest first."""

    list_display = ["excerpt", "name", "article", "age", "status"]
    list_filter = ["status", ("article__unit", admin.RelatedOnlyFieldListFilter)]
    list_select_related = ["article"]
    search_fields = ["name", "email", "text", "article__title"]
    actions = ["approve", "reject", "export_csv", "erase_commenter"]
    readonly_fields = ["article", "name", "email", "ip_address", "text", "status", "created_at", "moderated_at"]
    fields = readonly_fields + ["moderated_by"]
    list_per_page = 50

    def get_queryset(self, request):
        return super().get_queryset(request).moderatable_by(request.user)

    def get_ordering(self, request):
        """The queue first, the longest waiting on top; then what was decided, newest first."""
        pending = Q(status=Comment.Status.PENDING)
        return [
            Case(When(pending, then=0), default=1).asc(),
            Case(When(pending, then="created_at")).asc(),
            F("created_at").desc(),
        ]

    def get_readonly_fields(self, request, obj=None):
        return [*self.readonly_fields, "moderated_by"]

    def has_add_permission(self, request):
        return False

    def has_moderate_permission(self, request):
        return request.user.has_perm("comments.moderate_comment")

    def has_export_permission(self, request):
        return request.user.has_perm("comments.export_comment")

    def has_erase_permission(self, request):
        return request.user.has_perm("comments.erase_comment")

    @admin.display(description=_("bình luận"))
    def excerpt(self, comment):
        return comment.text if len(comment.text) <= 120 else f"{comment.text[:120]}…"

    @admin.display(description=_("gửi cách đây"), ordering="created_at")
    def age(self, comment):
        return timesince(comment.created_at)

    def moderate(self, request, queryset, status, action, done):
        changed = list(queryset.exclude(status=status))
        now = timezone.now()
        for comment in changed:
            comment.status, comment.moderated_at, comment.moderated_by = status, now, request.user
            record(action, obj=comment.article, detail=f"Bình luận #{comment.pk} của {comment.name}", request=request)
        Comment.objects.bulk_update(changed, ["status", "moderated_at", "moderated_by"])
        pagecache.bump()  # bulk_update sends no signal: the article pages show the change at once all the same
        self.message_user(request, done % {"count": len(changed)}, messages.SUCCESS)

    @admin.action(description=_("Duyệt các bình luận đã chọn"), permissions=["moderate"])
    def approve(self, request, queryset):
        self.moderate(
            request, queryset, Comment.Status.APPROVED, AuditEvent.Action.APPROVE, _("Đã duyệt %(count)d bình luận.")
        )

    @admin.action(description=_("Từ chối các bình luận đã chọn"), permissions=["moderate"])
    def reject(self, request, queryset):
        self.moderate(
            request, queryset, Comment.Status.REJECTED, AuditEvent.Action.REJECT, _("Đã từ chối %(count)d bình luận.")
        )

    @admin.action(description=_("Xuất các bình luận đã chọn (CSV)"), permissions=["export"])
    def export_csv(self, request, queryset):
        """Comments with their e-mails: personal data leaving the site, so every export is in the audit log."""
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="binh-luan-{timezone.localdate():%Y%m%d}.csv"'
        response.write("\ufeff")  # Excel reads the UTF-8 then
        writer = csv.writer(response)
        writer.writerow(["Bài viết", "Họ tên", "E-mail", "Nội dung", "Trạng thái", "Gửi lúc"])
        comments = queryset.select_related("article").order_by("created_at")
        for comment in comments:
            writer.writerow(
                [
                    comment.article.title,
                    comment.name,
                    comment.email,
                    comment.text,
                    comment.get_status_display(),
                    timezone.localtime(comment.created_at).strftime("%d/%m/%Y %H:%M"),
                ]
            )
        record(AuditEvent.Action.EXPORT, detail=f"Xuất {len(comments)} bình luận (CSV, kèm e-mail)", request=request)
        return response

    @admin.action(description=_("Xóa mọi bình luận và dữ liệu của người gửi (theo e-mail)"), permissions=["erase"])
    def erase_commenter(self, request, queryset):
        """A commenter asked to be forgotten: every comment sent with the e-mail of a selected one goes, on any
        article, with its name, e-mail, address and text."""
        emails = {email.lower() for email in queryset.exclude(email="").values_list("email", flat=True)}
        erased = sum(erase_commenter(email=email, request=request) for email in emails)
        self.message_user(
            request,
            ngettext("Đã xóa %(count)d bình luận.", "Đã xóa %(count)d bình luận.", erased) % {"count": erased},
            messages.SUCCESS,
        )


@admin.register(Closure)
class ClosureAdmin(admin.ModelAdmin):
    list_display = ["__str__", "article", "category", "created_at"]
    list_select_related = ["article", "category"]
    autocomplete_fields = ["article", "category"]

    def get_queryset(self, request):
        closures = super().get_queryset(request)
        mine = Q(article__in=Article.objects.editable_by(request.user))
        if request.user.has_perm("articles.change_category"):
            mine |= Q(category__isnull=False)
        return closures.filter(mine)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "article":
            kwargs["queryset"] = Article.objects.editable_by(request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        if not request.user.has_perm("articles.change_category"):  # a category's switch is the site admin's
            form.base_fields["category"].disabled = True
        return form


@admin.register(BannedWord)
class BannedWordAdmin(admin.ModelAdmin):
    search_fields = ["word"]
