import { createHash, createPrivateKey, sign as rsaSign } from 'node:crypto';
import forge from 'node-forge';
import { Signer } from '@signpdf/utils';
import { keyAndChainFromP12 } from './signing-certificate';

// The CMS of a PAdES baseline signature (ETSI EN 319 142-1, B-B level; SubFilter
// ETSI.CAdES.detached): a detached SignedData over the PDF's signed byte ranges whose signed
// attributes are exactly content-type, message-digest and ESS signing-certificate-v2, the
// attribute that binds the signer's certificate into what is signed. No signing-time
// attribute: PAdES puts the time in the signature dictionary's /M. Built here because
// node-forge's PKCS#7 writer knows only content-type, message-digest and signing-time.

const OID = {
  signedData: '1.2.840.113549.1.7.2',
  data: '1.2.840.113549.1.7.1',
  sha256: '2.16.840.1.101.3.4.2.1',
  rsaEncryption: '1.2.840.113549.1.1.1',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
} as const;

const { asn1 } = forge;
type Node = forge.asn1.Asn1;
const U = asn1.Class.UNIVERSAL;
const seq = (items: Node[]) => asn1.create(U, asn1.Type.SEQUENCE, true, items);
const set = (items: Node[]) => asn1.create(U, asn1.Type.SET, true, items);
const oid = (id: string) => asn1.create(U, asn1.Type.OID, false, asn1.oidToDer(id).getBytes());
const octets = (bytes: Buffer) => asn1.create(U, asn1.Type.OCTETSTRING, false, bytes.toString('binary'));
const int = (n: number) => asn1.create(U, asn1.Type.INTEGER, false, asn1.integerToDer(n).getBytes());
const nul = () => asn1.create(U, asn1.Type.NULL, false, '');
const derOf = (node: Node) => Buffer.from(asn1.toDer(node).getBytes(), 'binary');
const attribute = (type: string, value: Node) => seq([oid(type), set([value])]);

export interface CadesIdentity {
  key: forge.pki.rsa.PrivateKey;
  /** The signer's certificate first, then the rest of its chain. */
  chain: forge.pki.Certificate[];
}

/** The DER of a detached CAdES SignedData over `content` (the PDF's signed byte ranges). */
export function cadesDetached(content: Buffer, { key, chain }: CadesIdentity): Buffer {
  const [certificate] = chain;
  if (!certificate) throw new Error('no signing certificate');
  const certificates = chain.map((c) => forge.pki.certificateToAsn1(c));
  const signerDer = derOf(certificates[0]!);
  const sha256 = () => seq([oid(OID.sha256), nul()]);

  // DER sorts a SET OF by the encodings of its members.
  const attributes = [
    attribute(OID.contentType, oid(OID.data)),
    attribute(OID.messageDigest, octets(createHash('sha256').update(content).digest())),
    // SigningCertificateV2 ::= SEQUENCE { certs SEQUENCE OF ESSCertIDv2 }; ESSCertIDv2 with the
    // default hash (SHA-256) is SEQUENCE { certHash OCTET STRING }.
    attribute(OID.signingCertificateV2, seq([seq([seq([octets(createHash('sha256').update(signerDer).digest())])])])),
  ]
    .map((node) => ({ node, der: derOf(node) }))
    .sort((a, b) => Buffer.compare(a.der, b.der))
    .map((a) => a.node);
  const signedAttributes = set(attributes);
  const signature = rsaSign('sha256', derOf(signedAttributes), createPrivateKey(forge.pki.privateKeyToPem(key)));

  // In the SignerInfo the same attributes are [0] IMPLICIT instead of SET.
  const implicitAttributes = asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, true, attributes);
  const tbs = certificates[0]!.value as Node[];
  const tbsFields = (tbs[0]!.value as Node[]).filter((n) => !(n.tagClass === asn1.Class.CONTEXT_SPECIFIC));
  // tbsCertificate without its [0] version: serialNumber, signature, issuer, …
  const [serialNumber, , issuer] = tbsFields;
  const signerInfo = seq([
    int(1),
    seq([issuer!, serialNumber!]),
    sha256(),
    implicitAttributes,
    seq([oid(OID.rsaEncryption), nul()]),
    octets(signature),
  ]);
  const signedData = seq([
    int(1),
    set([sha256()]),
    seq([oid(OID.data)]),
    asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, true, certificates),
    set([signerInfo]),
  ]);
  return derOf(seq([oid(OID.signedData), asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, true, [signedData])]));
}

/** @signpdf's signer interface over cadesDetached, with the key and chain of a PKCS#12 file. */
export class CadesP12Signer extends Signer {
  private readonly identity: CadesIdentity;

  constructor(p12: Buffer, passphrase: string) {
    super();
    this.identity = keyAndChainFromP12(p12, passphrase);
  }

  override async sign(pdfBuffer: Buffer): Promise<Buffer> {
    return cadesDetached(pdfBuffer, this.identity);
  }
}
