/**
 * Credentials recognisable by their own shape, wherever they appear: PEM blocks, JWTs, cloud keys
 * and provider tokens with documented prefixes. Formats follow each provider's published token
 * format; the patterns are ours. Documentation keys (AWS's `…EXAMPLE`) are allowlisted.
 */
import type { Rule } from '../types';

const DOCUMENTATION_VALUES = [/EXAMPLE/i];

/** Trailing blanks and `\n` escapes between a PEM body and its END line stay outside the body. */
function cutPemTail(value: string): number {
  return value.replace(/(?:\\[rn]|\s)+$/, '').length;
}

export const TOKEN_RULES: readonly Rule[] = [
  {
    id: 'pem-block',
    description:
      'PEM private keys (RSA, EC, DSA, OPENSSH, ENCRYPTED, PGP … PRIVATE KEY) and certificates. The body between BEGIN and END becomes one placeholder line, in real newlines or JSON \\n escapes, so the block keeps its shape.',
    pattern:
      /-----BEGIN (?<label>(?:[A-Z0-9]{1,20} ){0,3}(?:PRIVATE KEY(?: BLOCK)?|CERTIFICATE))-----(?:\\[rn]|\s){0,40}?(?<body>[^\s\\-](?:[^-]|-(?!----)){0,50000}?)(?:\\[rn]|\s){0,40}?-----END \k<label>-----/dg,
    captures: [
      {
        group: 'body',
        kind: (m) => (m.groups?.label?.includes('PRIVATE KEY') ? 'private-key' : 'certificate'),
      },
    ],
    keywords: ['-----begin '],
    priority: 95,
    examples: {
      positive: [
        {
          text: '-----BEGIN RSA PRIVATE KEY-----\nMIIEFAKEFAKEFAKEfakefakefake0123456789\nFAKEFAKEFAKEFAKE==\n-----END RSA PRIVATE KEY-----\n',
          values: ['MIIEFAKEFAKEFAKEfakefakefake0123456789\nFAKEFAKEFAKEFAKE=='],
        },
        {
          text: '{"private_key": "-----BEGIN PRIVATE KEY-----\\nMIIEvFAKEfake0123\\nFAKEfake==\\n-----END PRIVATE KEY-----\\n"}',
          values: ['MIIEvFAKEfake0123\\nFAKEfake=='],
        },
        {
          text: 'tls.crt: |\n    -----BEGIN CERTIFICATE-----\n    MIIDFAKEcertFAKE0123\n    FAKEcert==\n    -----END CERTIFICATE-----\n',
          values: ['MIIDFAKEcertFAKE0123\n    FAKEcert=='],
        },
      ],
      negative: [
        '-----BEGIN PUBLIC KEY-----\nMIIBFAKE\n-----END PUBLIC KEY-----',
        '-----BEGIN PRIVATE KEY-----\nREDACTED_PRIVATE_KEY_1\n-----END PRIVATE KEY-----',
        'ssl_key_file = server.key',
      ],
    },
  },
  {
    id: 'pem-unterminated',
    description:
      'A private key pasted without its END line: the body up to the first line that is not base64.',
    pattern:
      /-----BEGIN (?:[A-Z0-9]{1,20} ){0,3}PRIVATE KEY(?: BLOCK)?-----(?:\\[rn]|[ \t\r\n]){1,40}?(?<body>(?:[A-Za-z0-9+/=]{1,4096}(?:\\[rn]|\r?\n|(?=["'`]|$))[ \t]{0,40}){1,1000})/dg,
    captures: [{ group: 'body', kind: 'private-key', cut: cutPemTail }],
    keywords: ['-----begin '],
    minLength: 40,
    accept: ({ text, end }) => !/^(?:\\[rn]|\s){0,40}-----END /.test(text.slice(end, end + 60)),
    priority: 94,
    examples: {
      positive: [
        {
          text: 'key = """-----BEGIN PRIVATE KEY-----\nMIIEvFAKEfake0123456789FAKEfake0123456789FAKE\nfakeFAKE\n"""',
          values: ['MIIEvFAKEfake0123456789FAKEfake0123456789FAKE\nfakeFAKE'],
        },
      ],
      negative: [
        '-----BEGIN PRIVATE KEY-----\nMIIEvFAKEfake0123456789FAKEfake0123456789FAKE\n-----END PRIVATE KEY-----',
      ],
    },
  },
  {
    id: 'jwt',
    description:
      'JSON Web Tokens: base64url header and payload (both JSON, so both start with eyJ) and signature.',
    pattern:
      /(?<![\w-])(?<secret>eyJ[A-Za-z0-9_-]{8,4000}\.eyJ[A-Za-z0-9_-]{8,16000}\.[A-Za-z0-9_-]{0,4000})(?![\w-])/dg,
    captures: [{ group: 'secret', kind: 'token' }],
    keywords: ['eyj'],
    priority: 90,
    examples: {
      positive: [
        {
          text: 'Authorization: Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJmYWtlLXVzZXIiLCJuYW1lIjoiRmFrZSBQZXJzb24iLCJpYXQiOjE3MDAwMDAwMDB9.fakeSignatureFakeSignatureFake0123456789ab',
          values: [
            'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJmYWtlLXVzZXIiLCJuYW1lIjoiRmFrZSBQZXJzb24iLCJpYXQiOjE3MDAwMDAwMDB9.fakeSignatureFakeSignatureFake0123456789ab',
          ],
        },
      ],
      negative: ['eyJhbGciOiJIUzI1NiJ9', 'version: eyJ.eyJ.x'],
    },
  },
  {
    id: 'aws-access-key-id',
    description:
      'AWS access key ids: a four-letter type prefix (AKIA long-term, ASIA temporary, …) and 16 characters.',
    pattern:
      /(?<![A-Za-z0-9])(?<secret>(?:AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA|APKA|A3T[A-Z0-9])[A-Z0-9]{16})(?![A-Za-z0-9])/dg,
    captures: [{ group: 'secret', kind: 'cloud-key' }],
    keywords: ['akia', 'asia', 'abia', 'acca', 'agpa', 'aida', 'aroa', 'aipa', 'anpa', 'anva', 'apka', 'a3t'],
    allowlist: DOCUMENTATION_VALUES,
    priority: 90,
    examples: {
      positive: [{ text: 'aws_access_key_id = AKIAFAKEFAKEFAKEFAKE', values: ['AKIAFAKEFAKEFAKEFAKE'] }],
      negative: ['AKIAIOSFODNN7EXAMPLE', 'AKIAFAKE'],
    },
  },
  {
    id: 'aws-secret-access-key',
    description:
      'AWS secret access keys: 40 base64 characters after an aws_secret_access_key / secretAccessKey name.',
    pattern:
      /(?<key>(?:aws[_.-]?)?secret[_.-]?(?:access[_.-]?)?key)["']?[ \t]{0,40}(?:=>|[:=])[ \t]{0,40}["']?(?<secret>[A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])/dgi,
    captures: [{ group: 'secret', kind: 'cloud-key' }],
    keywords: ['secret'],
    allowlist: DOCUMENTATION_VALUES,
    priority: 90,
    examples: {
      positive: [
        {
          text: 'aws_secret_access_key = fakeFAKEfakeFAKEfake/FAKEfakeFAKEfake+01',
          values: ['fakeFAKEfakeFAKEfake/FAKEfakeFAKEfake+01'],
        },
      ],
      negative: [
        'aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
        'aws_secret_access_key = short',
      ],
    },
  },
  {
    id: 'aws-arn',
    description: 'AWS ARNs: they name the account id and the resource.',
    pattern:
      /(?<![\w:-])(?<secret>arn:aws(?:-cn|-us-gov|-iso(?:-[a-z])?)?:[a-z0-9-]{1,64}:[a-z0-9-]{0,32}:(?:\d{12}|aws)?:[^\s"'`,;)\]}>]{1,1024})/dg,
    captures: [{ group: 'secret', kind: 'arn' }],
    keywords: ['arn:aws'],
    priority: 85,
    examples: {
      positive: [
        {
          text: 'role_arn: arn:aws:iam::111122223333:role/fake-orders-app',
          values: ['arn:aws:iam::111122223333:role/fake-orders-app'],
        },
      ],
      negative: ['arn: aws', 'learn:aws:stuff'],
    },
  },
  {
    id: 'aws-account-id',
    description: 'Twelve-digit AWS account ids after an account-id name, and in ECR registry host names.',
    pattern:
      /(?:(?<key>(?:aws[_.-]?)?account[_.-]?id|aws[_.-]?account|account)["']?[ \t]{0,40}(?:=>|[:=])[ \t]{0,40}["']?(?<secret>\d{12})(?!\d)|(?<![\w.-])(?<ecr>\d{12})(?=\.dkr\.ecr\.))/dgi,
    captures: [
      { group: 'secret', kind: 'account-id' },
      { group: 'ecr', kind: 'account-id' },
    ],
    keywords: ['account', '.dkr.ecr.'],
    priority: 85,
    examples: {
      positive: [
        { text: 'aws_account_id = "111122223333"', values: ['111122223333'] },
        { text: 'image: 111122223333.dkr.ecr.us-east-1.amazonaws.com/orders:1.4', values: ['111122223333'] },
      ],
      negative: ['account_balance = 123456789012', 'timeout_ms = 123456789012'],
    },
  },
  {
    id: 'gcp-private-key-id',
    description: 'The private_key_id of a GCP service-account JSON file (40 hex digits).',
    pattern: /"private_key_id"[ \t]{0,40}:[ \t]{0,40}"(?<secret>[0-9a-f]{40})"/dg,
    captures: [{ group: 'secret', kind: 'cloud-key' }],
    keywords: ['private_key_id'],
    priority: 90,
    examples: {
      positive: [
        {
          text: '"private_key_id": "0f1e2d3c4b5a69780f1e2d3c4b5a69780f1e2d3c",',
          values: ['0f1e2d3c4b5a69780f1e2d3c4b5a69780f1e2d3c'],
        },
      ],
      negative: ['"private_key_id": ""'],
    },
  },
  {
    id: 'gcp-api-key',
    description: 'Google API keys: AIza and 35 characters.',
    pattern: /(?<![\w-])(?<secret>AIza[0-9A-Za-z_-]{35})(?![\w-])/dg,
    captures: [{ group: 'secret', kind: 'cloud-key' }],
    keywords: ['aiza'],
    priority: 90,
    examples: {
      positive: [
        {
          text: 'maps_key: AIzaSyFakeFakeFakeFakeFakeFakeFakeF0123',
          values: ['AIzaSyFakeFakeFakeFakeFakeFakeFakeF0123'],
        },
      ],
      negative: ['AIzaShort'],
    },
  },
  {
    id: 'openai-api-key',
    description: 'OpenAI keys: sk-proj-, sk-svcacct-, sk-admin- and the legacy sk-…T3BlbkFJ… form.',
    pattern:
      /(?<![\w-])(?<secret>sk-(?:(?:proj|svcacct|admin|None)-[A-Za-z0-9_-]{20,300}|[A-Za-z0-9]{20}T3BlbkFJ[A-Za-z0-9]{20}|[A-Za-z0-9]{48}))(?![\w-])/dg,
    captures: [{ group: 'secret', kind: 'token' }],
    keywords: ['sk-'],
    priority: 90,
    examples: {
      positive: [
        {
          text: 'OPENAI_API_KEY=sk-proj-FakeFakeFakeFakeFakeFakeFakeFakeFakeFakeFake0123',
          values: ['sk-proj-FakeFakeFakeFakeFakeFakeFakeFakeFakeFakeFake0123'],
        },
      ],
      negative: ['sk-learn', 'risk-proj-x'],
    },
  },
  {
    id: 'anthropic-api-key',
    description: 'Anthropic keys: sk-ant-api03-…, sk-ant-admin01-…, sk-ant-oat01-….',
    pattern: /(?<![\w-])(?<secret>sk-ant-(?:api|admin|oat|sid)\d{2}-[A-Za-z0-9_-]{32,200})(?![\w-])/dg,
    captures: [{ group: 'secret', kind: 'token' }],
    keywords: ['sk-ant-'],
    priority: 91,
    examples: {
      positive: [
        {
          text: 'ANTHROPIC_API_KEY="sk-ant-api03-FakeFakeFakeFakeFakeFakeFakeFakeFakeFakeFakeFakeFakeFakeFakeFakeFakeFakeFakeFakeFakeFakeF0123AA"',
          values: [
            'sk-ant-api03-FakeFakeFakeFakeFakeFakeFakeFakeFakeFakeFakeFakeFakeFakeFakeFakeFakeFakeFakeFakeFakeFakeF0123AA',
          ],
        },
      ],
      negative: ['sk-ant-api03-short'],
    },
  },
  {
    id: 'github-token',
    description:
      'GitHub tokens: ghp_, gho_, ghu_, ghs_, ghr_ and 36 characters; github_pat_ fine-grained tokens.',
    pattern: /(?<![\w-])(?<secret>gh[pousr]_[A-Za-z0-9]{36,255}|github_pat_[A-Za-z0-9_]{50,255})(?![\w-])/dg,
    captures: [{ group: 'secret', kind: 'token' }],
    keywords: ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_', 'github_pat_'],
    priority: 90,
    examples: {
      positive: [
        {
          text: 'GITHUB_TOKEN=ghp_FakeFakeFakeFakeFakeFakeFakeFake0123',
          values: ['ghp_FakeFakeFakeFakeFakeFakeFakeFake0123'],
        },
        {
          text: 'token: github_pat_11FAKEFAKE0_FakeFakeFakeFakeFakeFakeFakeFakeFakeFakeFakeFakeFakeFak0123',
          values: ['github_pat_11FAKEFAKE0_FakeFakeFakeFakeFakeFakeFakeFakeFakeFakeFakeFakeFakeFak0123'],
        },
      ],
      negative: ['ghp_short'],
    },
  },
  {
    id: 'gitlab-token',
    description:
      'GitLab tokens: glpat- (personal), gldt- (deploy), glrt- (runner), glptt- (trigger) and friends.',
    pattern:
      /(?<![\w-])(?<secret>gl(?:pat|dt|rt|ptt|ft|cbt|imt|agent|oas|soat|ffct|wt|rtr)-[A-Za-z0-9_-]{20,300}(?:\.[A-Za-z0-9_-]{1,100}){0,3})(?![\w-])/dg,
    captures: [{ group: 'secret', kind: 'token' }],
    keywords: [
      'glpat-',
      'gldt-',
      'glrt-',
      'glptt-',
      'glft-',
      'glcbt-',
      'glimt-',
      'glagent-',
      'gloas-',
      'glsoat-',
      'glffct-',
      'glwt-',
    ],
    priority: 90,
    examples: {
      positive: [{ text: 'CI_TOKEN="glpat-FakeFakeFake01234567"', values: ['glpat-FakeFakeFake01234567'] }],
      negative: ['glpat-short'],
    },
  },
  {
    id: 'slack-token',
    description: 'Slack tokens (xoxb-, xoxp-, xoxa-, xoxr-, xoxs-, xapp-) and incoming-webhook URLs.',
    pattern:
      /(?<![\w-])(?<secret>xox[abposr]-[A-Za-z0-9-]{10,250}|xapp-\d-[A-Za-z0-9-]{10,250})(?![\w-])|hooks\.slack\.com\/(?:services|workflows|triggers)\/(?<hook>[A-Za-z0-9_/-]{20,200})/dg,
    captures: [
      { group: 'secret', kind: 'token' },
      { group: 'hook', kind: 'token' },
    ],
    keywords: ['xox', 'xapp-', 'hooks.slack.com'],
    priority: 90,
    examples: {
      positive: [
        {
          text: 'SLACK_BOT_TOKEN=xoxb-1111111111-2222222222222-FakeFakeFakeFakeFake1234',
          values: ['xoxb-1111111111-2222222222222-FakeFakeFakeFakeFake1234'],
        },
        {
          text: 'url: https://hooks.slack.com/services/T00FAKE00/B00FAKE00/FakeFakeFakeFakeFake1234',
          values: ['T00FAKE00/B00FAKE00/FakeFakeFakeFakeFake1234'],
        },
      ],
      negative: ['xoxb-'],
    },
  },
  {
    id: 'stripe-key',
    description:
      'Stripe secret and restricted keys (sk_live_, sk_test_, rk_live_, rk_test_) and webhook secrets (whsec_). Publishable pk_ keys are public.',
    pattern:
      /(?<![\w-])(?<secret>(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{16,247}|whsec_[A-Za-z0-9]{24,100})(?![\w-])/dg,
    captures: [{ group: 'secret', kind: 'token' }],
    keywords: ['sk_live_', 'sk_test_', 'rk_live_', 'rk_test_', 'whsec_'],
    priority: 90,
    examples: {
      positive: [
        {
          text: "stripe.api_key = 'sk_live_FakeFakeFakeFakeFake1234'",
          values: ['sk_live_FakeFakeFakeFakeFake1234'],
        },
      ],
      negative: ['pk_live_FakeFakeFakeFakeFake1234'],
    },
  },
  {
    id: 'npm-sendgrid-vault-token',
    description:
      'Other prefixed tokens seen next to database configs: npm_, SendGrid SG., HashiCorp Vault hvs./hvb..',
    pattern:
      /(?<![\w-])(?<secret>npm_[A-Za-z0-9]{36}|SG\.[\w-]{22}\.[\w-]{43}|hv[sbr]\.[A-Za-z0-9_-]{24,300})(?![\w-])/dg,
    captures: [{ group: 'secret', kind: 'token' }],
    keywords: ['npm_', 'sg.', 'hvs.', 'hvb.', 'hvr.'],
    priority: 90,
    examples: {
      positive: [
        {
          text: '//registry.npmjs.org/:_authToken=npm_FakeFakeFakeFakeFakeFakeFakeFake0123',
          values: ['npm_FakeFakeFakeFakeFakeFakeFakeFake0123'],
        },
        {
          text: 'VAULT_TOKEN=hvs.FakeFakeFakeFakeFakeFake0123',
          values: ['hvs.FakeFakeFakeFakeFakeFake0123'],
        },
      ],
      negative: ['npm_config_cache'],
    },
  },
  {
    id: 'authorization-header',
    description:
      'Credentials after an HTTP authentication scheme: Authorization: Bearer …, Basic …, Token ….',
    pattern: /(?<![\w-])(?:Bearer|Basic|Token)[ \t]{1,40}(?<secret>[A-Za-z0-9._~+/-]{16,4000}={0,2})/dg,
    captures: [{ group: 'secret', kind: 'token' }],
    keywords: ['bearer', 'basic', 'token'],
    // Prose ("Basic authentication") has no digits or symbols and is one case.
    accept: ({ value }) => /[\d+/=._~-]/.test(value) || (/[a-z]/.test(value) && /[A-Z]/.test(value)),
    priority: 88,
    examples: {
      positive: [
        {
          text: "headers = {'Authorization': 'Basic ZmFrZS11c2VyOmZha2UtcHc='}",
          values: ['ZmFrZS11c2VyOmZha2UtcHc='],
        },
        {
          text: 'curl -H "Authorization: Bearer fakeBearer0123456789abcdef"',
          values: ['fakeBearer0123456789abcdef'],
        },
      ],
      negative: ['Basic authentication is disabled', 'token_type: Bearer'],
    },
  },
];
