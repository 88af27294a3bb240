"""moto's S3 API in server mode on a loopback port, with the media bucket created.

Started only by the tests that store media in S3 (tests/serving/); ``launch`` returns the endpoint.
"""

import subprocess
import sys

from .lifecycle import Service
from .loopback import free_port, stop_process, wait_for_port

# moto accepts any keys; boto3 wants some.
S3_ENV = {"AWS_ACCESS_KEY_ID": "test", "AWS_SECRET_ACCESS_KEY": "test", "AWS_S3_REGION_NAME": "us-east-1"}


class S3(Service):
    env_var = "AWS_S3_ENDPOINT_URL"

    def __init__(self, bucket="vmeste-media"):
        super().__init__()
        self.bucket = bucket
        self.process = None

    def launch(self):
        import boto3

        port = free_port()
        self.process = subprocess.Popen(
            [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            cwd=self.workdir,
        )
        wait_for_port(port, self.process)
        endpoint = f"http://127.0.0.1:{port}"
        client = boto3.client(
            "s3",
            endpoint_url=endpoint,
            aws_access_key_id=S3_ENV["AWS_ACCESS_KEY_ID"],
            aws_secret_access_key=S3_ENV["AWS_SECRET_ACCESS_KEY"],
            region_name=S3_ENV["AWS_S3_REGION_NAME"],
        )
        client.create_bucket(Bucket=self.bucket)
        return endpoint

    def shutdown(self):
        if self.process is not None:
            stop_process(self.process)
