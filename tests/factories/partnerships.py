import factory
import wagtail_factories

from partnerships.models import AgreementPage


class AgreementPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = AgreementPage

    title = factory.Sequence(lambda n: f"Соглашение № {n}")
    kind = AgreementPage.Kind.MULTILATERAL
