from django_tasks_db.management.commands.db_worker import Command as DatabaseWorkerCommand

from core.jobs import recover_lost_jobs


class Command(DatabaseWorkerCommand):
    help = (
        "Run the background worker (django-tasks database queue). On start, jobs left running by "
        "a worker that died are started again or reported as failed."
    )

    def add_arguments(self, parser):
        super().add_arguments(parser)
        # The long jobs' queue; the "default" backend runs Wagtail's small tasks at once.
        parser.set_defaults(backend_name="background")

    def handle(self, *args, **options):
        recovered = recover_lost_jobs()
        if recovered and options.get("verbosity", 1):
            self.stdout.write(f"{recovered} background job(s) had lost their worker; see the admin.")
        return super().handle(*args, **options)
