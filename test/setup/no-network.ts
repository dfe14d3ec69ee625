// Every test file starts with the network closed: a request that no nock scope or
// loopback double answers fails at once instead of reaching GitHub or Anthropic.
import nock from 'nock';

nock.disableNetConnect();
nock.enableNetConnect((host) => host.startsWith('127.0.0.1') || host.startsWith('localhost'));
