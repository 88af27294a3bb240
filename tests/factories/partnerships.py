import factory
import wagtail_factories

from partnerships.models import AgreementIndexPage, AgreementPage


class AgreementPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = AgreementPage

    title = factory.Sequence(lambda n: f"Соглашение № {n}")
    kind = AgreementPage.Kind.MULTILATERAL


class AgreementIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = AgreementIndexPage

    title = "Соглашения"
    slug = factory.Sequence(lambda n: f"soglasheniya-{n}")
