import type { Language } from '@sandcloud/api-schemas';
import { isQuotaName, QUOTA_LABELS, type ErrorMessageCode, type ErrorMessageParams, type QuotaName } from '@sandcloud/domain';

// The server's error messages in the console's two languages, keyed by the `messageCode` of the
// API's error body (the domain's ERROR_MESSAGES). `{name}` placeholders are filled from the body's
// `params`; `{kind}`, `{action}` and `{resource}` are translated through the word tables below, and
// `{kindTopic}`, `{kindSubject}` and `{kindObject}` are the kind with its Korean particle
// (인스턴스는, 사용자가, 보안 그룹을). A code the console
// does not know yet shows the server's English `message`. The type checker holds each catalogue
// to the domain's list: every code has a message, no other key, and a message uses only the values
// its code is sent with (`checkedCatalogue`).

type ErrorCatalogue = Record<ErrorMessageCode, string>;

/** The `{name}` placeholders of a message, as a union of names. */
type Placeholders<M extends string> = M extends `${string}{${infer Name}}${infer Rest}` ? Name | Placeholders<Rest> : never;

/** What a message of `C` may use: the values it is sent with, and the kind with its particles. */
type Usable<C extends ErrorMessageCode> =
  | keyof ErrorMessageParams<C>
  | ('kind' extends keyof ErrorMessageParams<C> ? 'kindTopic' | 'kindSubject' | 'kindObject' : never);

/** Each way `T` departs from the domain's list, as a sentence; `never` when it does not. */
type CatalogueProblems<T extends ErrorCatalogue> =
  | { [C in ErrorMessageCode]: T[C] extends '' ? `${C} is empty` : `${C} uses {${Exclude<Placeholders<T[C]>, Usable<C>> & string}}, which it is not sent with` }[ErrorMessageCode]
  | `${Exclude<keyof T, ErrorMessageCode> & string} is not a message code`;

/** `messages` as a catalogue; a problem is a compile error naming it (a missing property). */
export const checkedCatalogue = <const T extends ErrorCatalogue>(messages: T & { [problem in CatalogueProblems<T>]: never }): ErrorCatalogue => messages;

const ko = checkedCatalogue({
  'lifecycle.invalidState': '{name} {kindTopic} {status} 상태라 {action}할 수 없습니다.',
  'resource.notFound': 'ID가 {id}인 {kindObject} 찾을 수 없습니다.',
  'resource.notInProject': '이 프로젝트에 ID가 {id}인 {kindSubject} 없습니다.',
  'name.required': '이름을 입력하세요.',
  'name.tooLong': '이름은 최대 {max}자입니다.',
  'name.invalid': '영문자, 숫자, ".", "_", "-"만 사용할 수 있으며 영문자나 숫자로 시작해야 합니다.',
  'name.taken': '이름이 {name}인 {kindSubject} 이미 있습니다.',
  'description.tooLong': '설명은 최대 {max}자입니다.',
  'description.controlCharacters': '설명에 제어 문자를 사용할 수 없습니다.',
  'zone.invalid': '{zone} 가용성 영역이 없습니다. {zones} 중에서 선택하세요.',
  'quota.exceeded': '{resource} 할당량({limit}개)을 초과합니다: {wanted}개가 필요하지만 {left}개만 남았습니다.',
  'permission.readDenied': '이 프로젝트를 조회할 권한이 없습니다.',
  'permission.viewerReadOnly': '조회 권한(viewer)으로는 변경할 수 없습니다. 프로젝트 관리자에게 멤버 역할을 요청하세요.',
  'permission.adminOnly': '프로젝트 관리자만 멤버를 관리할 수 있습니다.',
  'project.notActivated': '{name} 프로젝트에서 Compute & Network 상품이 활성화되지 않았습니다. [상품이용]에서 먼저 활성화하세요.',
  'project.alreadyActivated': '{name} 프로젝트에서 Compute & Network 상품이 이미 활성화되었습니다.',
  'project.lastAdmin': '프로젝트에는 관리자가 한 명 이상 있어야 합니다.',
  'server.busy': '서버가 바쁩니다. 잠시 후 다시 시도하세요.',
  'auth.wrongCredentials': '아이디 또는 비밀번호가 올바르지 않습니다.',
  'auth.rateLimited': '로그인 실패가 너무 많습니다. {seconds}초 후에 다시 시도하세요.',
  'auth.accountDisabled': '비활성화된 계정입니다. 관리자에게 활성화를 요청하세요.',
  'password.tooShort': '비밀번호는 최소 {min}자입니다.',
  'password.tooLong': '비밀번호는 최대 {max}자입니다.',
  'password.sameAsUsername': '비밀번호는 사용자 이름과 같을 수 없습니다.',
  'password.tooFewCharacters': '비밀번호에는 서로 다른 문자가 {min}개 이상 있어야 합니다.',
  'password.tooCommon': '너무 흔한 비밀번호입니다. 다른 비밀번호를 선택하세요.',
  'password.currentIncorrect': '현재 비밀번호가 올바르지 않습니다.',
  'password.unchanged': '현재 비밀번호와 다른 비밀번호를 선택하세요.',
  'user.ownAccount': '자신의 계정은 {action}할 수 없습니다.',
  'user.lastAdministrator': '{name}은(는) 마지막 관리자라 {action}할 수 없습니다.',
  'user.onlyProjectAdmin': '{name}은(는) {projects} 프로젝트의 유일한 관리자입니다. 먼저 다른 사람을 관리자로 지정하세요.',
  'user.nameInvalid': '사용자 이름은 2~64자의 영문자, 숫자, ".", "_", "-"이며 영문자나 숫자로 시작해야 합니다.',
  'instance.flavorUnknown': '{flavor} 인스턴스 타입이 없습니다.',
  'instance.ramTooSmall': '{image}에는 RAM이 {minRamGb}GB 이상 필요하지만 {flavor}의 RAM은 {ramGb}GB입니다.',
  'instance.rootDiskRange': '{image}의 루트 디스크는 {min}~{max}GB입니다.',
  'instance.countRange': '한 번에 {min}~{max}개의 인스턴스를 생성할 수 있습니다.',
  'instance.userDataTooLarge': '사용자 스크립트는 최대 {maxKib}KiB입니다.',
  'instance.metadataTooMany': '인스턴스의 메타데이터는 최대 {max}개입니다.',
  'instance.metadataKeyNotFound': '메타데이터 {key} 항목이 없습니다.',
  'instance.beingDeleted': '{name} 인스턴스를 삭제하는 중입니다.',
  'instance.deleted': '{id} 인스턴스는 삭제되었습니다.',
  'instance.busy': '{name} 인스턴스가 {status} 중이라 {action}할 수 없습니다.',
  'instance.needsActiveOrShutoff': '{name} 인스턴스가 {status} 상태라 {action}할 수 없습니다. ACTIVE 또는 SHUTOFF 상태가 될 때까지 기다리세요.',
  'instance.noConsole': '{name} 인스턴스는 {image} 이미지로 실행되어 시뮬레이션 콘솔이 없습니다.',
  'instance.notRunning': '{name} 인스턴스가 {status} 상태입니다. 먼저 시작하세요.',
  'keyPair.unknownName': '이름이 {name}인 키페어가 없습니다.',
  'image.notActive': '{name} 이미지가 {status} 상태입니다. active 상태가 될 때까지 기다리세요.',
  'image.needsShutoff': '{instance} 인스턴스를 먼저 종료하세요. 이미지는 SHUTOFF 상태의 인스턴스로 만들며 현재 {status} 상태입니다.',
  'image.needsActiveOrShutoff': '{instance} 인스턴스는 {status} 상태입니다. 이미지는 ACTIVE 또는 SHUTOFF 상태의 인스턴스로 만듭니다.',
  'image.publicImmutable': '{name}은(는) 공용 이미지라 변경할 수 없습니다. 개인 이미지만 변경할 수 있습니다.',
  'volume.inUse': '{name} 블록 스토리지는 {instance} 인스턴스에 {device}(으)로 연결되어 있습니다. 삭제하기 전에 연결을 해제하세요.',
  'volume.alreadyAttached': '{name} 블록 스토리지는 이미 {instance} 인스턴스에 {device}(으)로 연결되어 있습니다. 블록 스토리지는 한 번에 하나의 인스턴스에만 연결됩니다.',
  'volume.otherZone': '{name} 블록 스토리지는 {zone}에 있고 {instance} 인스턴스는 {instanceZone}에 있습니다. 같은 가용성 영역의 인스턴스에 연결하세요.',
  'volume.noFreeDevice': '{instance} 인스턴스에 블록 스토리지를 연결할 장치가 더 없습니다.',
  'volume.notAttached': '{name} 블록 스토리지는 어떤 인스턴스에도 연결되어 있지 않습니다.',
  'volume.attachedElsewhere': '{name} 블록 스토리지는 그 인스턴스가 아니라 {instance} 인스턴스에 연결되어 있습니다.',
  'volume.canOnlyGrow': '{name} 블록 스토리지는 {sizeGb}GB이며 늘릴 수만 있습니다. {sizeGb}GB보다 큰 크기를 선택하세요.',
  'volume.hasSnapshots': '{name} 블록 스토리지에 스냅샷이 {count}개 있습니다. 먼저 스냅샷을 삭제하세요.',
  'volume.beingDeleted': '{name} 블록 스토리지를 삭제하는 중입니다.',
  'volume.sizeRange': '블록 스토리지 크기는 {min}~{max}GB(GB 단위)입니다.',
  'volume.typeInvalid': '블록 스토리지 타입은 {types} 중 하나입니다.',
  'snapshot.tooSmallFor': '{name} 스냅샷으로 만드는 블록 스토리지는 {sizeGb}GB 이상이어야 합니다.',
  'snapshot.otherZone': '{name} 스냅샷은 {zone}에 있습니다. 스냅샷으로 만드는 블록 스토리지는 같은 가용성 영역에 생성됩니다.',
  'snapshot.notAvailable': '{name} 스냅샷이 {status} 상태입니다. available 상태가 될 때까지 기다리세요.',
  'securityGroup.defaultRename': 'default 보안 그룹은 이름을 변경할 수 없습니다.',
  'securityGroup.defaultDelete': 'default 보안 그룹은 삭제할 수 없습니다.',
  'securityGroup.inUse': '{name} 보안 그룹을 포트 {count}개가 사용하고 있습니다. 먼저 포트에서 제거하세요.',
  'securityGroup.remoteOfRule': '{name} 보안 그룹은 {group}의 규칙이 원격으로 참조하고 있습니다. 먼저 그 규칙을 삭제하세요.',
  'securityGroup.duplicateRule': '{name} 보안 그룹에 이미 같은 규칙이 있습니다: {rule}',
  'floatingIp.poolExhausted': '공인 IP 풀에 남은 주소가 없습니다. 먼저 Floating IP를 반환하세요.',
  'floatingIp.alreadyConnected': 'Floating IP {address}은(는) 이미 {fixedIp}에 연결되어 있습니다. 먼저 연결을 해제하세요.',
  'floatingIp.portHasOne': '{fixedIp} 포트에는 이미 Floating IP {address}이(가) 있습니다.',
  'floatingIp.notConnected': 'Floating IP {address}은(는) 연결되어 있지 않습니다.',
  'network.noFreeAddress': '{network}의 서브넷 {cidr}에 남은 주소가 없습니다.',
  'loadBalancer.lastListener': '{listener}은(는) {loadBalancer}의 마지막 리스너입니다. 대신 로드 밸런서를 삭제하세요.',
  'loadBalancer.alreadyMember': '{instance}은(는) 이미 {listener} 리스너의 멤버입니다.',
  'loadBalancer.portTaken': '{loadBalancer}에는 이미 {port}번 포트의 리스너 {listener}이(가) 있습니다. 포트 하나는 리스너 하나만 사용할 수 있습니다.',
  'loadBalancer.membersRequired': '인스턴스를 하나 이상 추가하세요.',
  'loadBalancer.membersTooMany': '인스턴스는 최대 {max}개입니다.',
  'loadBalancer.memberOtherSubnet': '{instance}은(는) 로드 밸런서의 서브넷 {cidr}에 없습니다. 멤버는 같은 서브넷에 있어야 합니다.',
  'loadBalancer.memberTwice': '{instance}이(가) 두 번 추가되었습니다.',
  'loadBalancer.subnetGone': '{loadBalancer}의 서브넷이 없습니다.',
  'metadata.keyLength': '메타데이터 키는 {min}~{max}자입니다.',
  'metadata.valueTooLong': '메타데이터 {key}의 값은 최대 {max}자의 문자열이어야 합니다.',
  'volume.metadataTooMany': '블록 스토리지의 메타데이터는 최대 {max}개입니다.',
  'address.notIpv4': '{address}은(는) IPv4 주소가 아닙니다.',
  'loadBalancer.expectedCodesFormat': '예상 코드는 코드 하나(200), 목록(200,202) 또는 범위(200-204)입니다.',
  'loadBalancer.httpCodeRange': 'HTTP 상태 코드는 {min}~{max}입니다.',
  'loadBalancer.codeRangeReversed': '{range} 범위의 끝이 시작보다 앞섭니다.',
  'loadBalancer.tlsRequired': 'TERMINATED_HTTPS 리스너에는 인증서와 개인 키가 필요합니다.',
  'loadBalancer.tlsNotAllowed': 'TERMINATED_HTTPS 리스너만 인증서를 받습니다.',
  'loadBalancer.allowedCidrsTooMany': '허용 CIDR은 최대 {max}개입니다.',
  'loadBalancer.cidrNotIpv4': '{cidr}은(는) IPv6입니다. 이 로드 밸런서는 IPv4로만 수신합니다.',
  'loadBalancer.cookiePersistenceProtocol': '{type} 세션 지속성에는 HTTP 또는 TERMINATED_HTTPS 리스너가 필요합니다. {protocol} 리스너는 쿠키를 읽을 수 없으니 SOURCE_IP를 사용하세요.',
  'loadBalancer.cookieNameNotAllowed': 'APP_COOKIE 세션 지속성만 쿠키 이름을 받습니다.',
  'loadBalancer.cookieNameRequired': '애플리케이션 쿠키 이름을 입력하세요.',
  'loadBalancer.cookieNameInvalid': "쿠키 이름에는 영문자, 숫자와 !#$%&'*+.^_`|~-만 쓸 수 있고 공백은 쓸 수 없습니다.",
  'loadBalancer.timeoutLongerThanInterval': '타임아웃({timeoutSeconds}초)은 주기({delaySeconds}초)보다 길 수 없습니다.',
  'loadBalancer.urlPathInvalid': 'URL 경로는 "/"로 시작하고 공백이 없어야 합니다(예: /health).',
  'certificate.notPem': '인증서는 -----BEGIN CERTIFICATE-----로 시작하는 PEM 텍스트여야 합니다.',
  'certificate.invalid': '올바른 PEM X.509 인증서가 아닙니다.',
  'certificate.keyEncrypted': '개인 키가 암호로 보호되어 있습니다. 암호화되지 않은 키를 붙여 넣으세요.',
  'certificate.keyNotPem': '개인 키는 -----BEGIN PRIVATE KEY-----로 시작하는 PEM 텍스트여야 합니다.',
  'certificate.keyInvalid': '올바른 PEM 개인 키가 아닙니다.',
  'certificate.keyMismatch': '개인 키가 인증서와 짝이 맞지 않습니다.',
  'certificate.expired': '인증서가 {date}에 만료되었습니다.',
  'input.unknownField': '알 수 없는 필드입니다: {fields}',
  'input.confirmName': '초기화를 확인하려면 프로젝트 이름 "{name}"을(를) 입력하세요.',
  'input.oneOf': '{field} 값은 {allowed} 중 하나여야 합니다.',
  'input.invalidEnum': '{field} 값은 {allowed} 중 하나여야 합니다.',
  'input.range': '{field} 값은 {min}에서 {max} 사이여야 합니다.',
  'input.wholeNumber': '{field} 값은 0 이상의 정수여야 합니다.',
  'input.finiteNumber': '{field} 값은 유한한 숫자여야 합니다.',
  'input.tooSmall': '{field} 값이 너무 작거나 짧습니다(최소 {min}).',
  'input.tooBig': '{field} 값이 너무 크거나 깁니다(최대 {max}).',
  'input.invalidFormat': '{field} 값의 형식({format})이 올바르지 않습니다.',
  'input.required': '{field} 값을 입력하세요.',
  'input.invalidJson': '요청 본문이 올바른 JSON이 아닙니다.',
  'input.invalid': '{field} 값이 올바르지 않습니다.',
  'image.uploadTooLarge': '이미지는 최대 {maxBytes}바이트입니다.',
  'image.notQueued': '{id} 이미지는 {status} 상태입니다. queued 상태의 이미지에만 데이터를 올릴 수 있습니다.',
  'image.toggleNeedsActive': '{id} 이미지는 {status} 상태입니다. active 상태의 이미지만 비활성화하거나 다시 활성화할 수 있습니다.',
  'image.deactivated': '{id} 이미지는 비활성화되어 데이터를 내려받을 수 없습니다.',
  'image.protected': '{id} 이미지는 보호되어 있어 삭제할 수 없습니다.',
  'project.unknownName': '이름이 {name}인 프로젝트가 없습니다.',
  'state.importNeedsEmptyProject': '상태는 빈 프로젝트로만 가져올 수 있습니다. 먼저 프로젝트를 초기화하세요.',
  'state.doesNotFit': '상태 파일이 이 샌드박스와 맞지 않습니다: {detail}',
  'state.notObject': 'Sandcloud 상태 파일이 아닙니다. JSON 객체여야 합니다.',
  'state.wrongFormat': 'Sandcloud 상태 파일이 아닙니다(형식 {format}, 필요한 형식 "{expected}").',
  'state.versionInvalid': '상태 파일에 올바른 버전 번호가 없습니다.',
  'state.versionTooNew': '상태 파일의 버전은 {version}입니다. 이 Sandcloud는 버전 {max}까지만 읽을 수 있습니다.',
  'state.damaged': '상태 파일이 손상되었습니다: {part}',
  'seed.unknownUser': '시드가 만들지 않는 사용자 {username}을(를) 참조합니다.',
  'seed.notObject': '시드는 상태 파일이거나 users와 projects가 있는 객체여야 합니다.',
  'seed.unknownField': '시드에 알 수 없는 필드 {field}가 있습니다(users, projects만 가능).',
  'seed.usersInvalid': '시드 사용자는 username과 password의 목록이어야 합니다(관리자는 admin: true).',
  'seed.projectsInvalid': '시드 프로젝트는 name이 있는 목록이어야 합니다.',
  'seed.membersInvalid': '시드 프로젝트 {project}의 멤버는 username과 role({roles})의 목록이어야 합니다.',
  'keyPair.publicKeyInvalid': '공개 키가 올바르지 않습니다: {detail}',
  'securityGroup.ruleInvalid': '보안 규칙이 올바르지 않습니다: {detail}',
  'instance.metadataInvalid': '메타데이터가 올바르지 않습니다: {detail}',
  'address.cidrInvalid': 'CIDR이 올바르지 않습니다: {detail}',
  'auth.loginRequired': '계속하려면 로그인하세요.',
  'auth.csrfInvalid': '요청에 CSRF 토큰이 없습니다. 페이지를 새로 고친 후 다시 시도하세요.',
  'permission.administratorsOnly': '관리자만 할 수 있는 작업입니다.',
  'user.unknownName': '이름이 {name}인 사용자가 없습니다.',
  'list.unknownFilter': '알 수 없는 필터 "{key}"입니다. {known}(으)로 필터링할 수 있습니다.',
  'list.noFilters': '알 수 없는 필터 "{key}"입니다. 이 목록에는 필드 필터가 없습니다.',
  'list.unknownSort': '"{sort}"(으)로 정렬할 수 없습니다. {known}(으)로 정렬하세요.',
  'metrics.sinceInvalid': 'since는 1970년 이후의 밀리초 단위 시각이어야 합니다.',
  'classroom.csvQuoteUnclosed': 'CSV에 닫히지 않은 따옴표가 있습니다.',
  'classroom.csvEmpty': 'CSV에 학습자가 없습니다.',
  'address.notIpv6': '{address}은(는) IPv6 주소가 아닙니다.',
  'snapshot.beingDeleted': '{name} 스냅숏은 삭제 중입니다.',
  'serverGroup.nameLength': '서버 그룹 이름은 1자에서 {max}자까지입니다.',
  'image.notShared': '{id} 이미지는 공유(shared) 이미지가 아니어서 멤버가 없습니다.',
  'image.memberRequired': '이미지를 공유할 프로젝트를 입력하세요.',
  'image.memberOwnProject': '이미지를 자기 프로젝트와 공유할 수 없습니다.',
  'image.memberExists': '{project} 프로젝트는 이미 {id} 이미지의 멤버입니다.',
  'image.memberStatusOwnOnly': '{project} 프로젝트만 {id} 이미지의 멤버십을 수락하거나 거절할 수 있습니다.',
  'image.ownerOnly': '{id} 이미지의 소유 프로젝트만 할 수 있습니다.',
  'volume.oneSource': '블록 스토리지는 스냅숏이나 이미지 중 하나로만 만들 수 있습니다.',
  'volume.imageTooLarge': '{image} 이미지로 만드는 블록 스토리지는 {minDiskGb}GB 이상이어야 합니다.',
  'volume.notReserved': '{name} 블록 스토리지는 예약된 것이 아니라 {instance} 인스턴스에 연결하는 중입니다.',
  'volume.readOnlyNeedsAvailable': '{name} 블록 스토리지는 {status} 상태입니다. 읽기 전용 설정은 사용 가능(available) 상태에서만 바꿀 수 있습니다.',
  'volume.uploadInUse': '{name} 블록 스토리지는 인스턴스에 연결되어 있습니다. 연결을 해제하거나 강제(force)로 이미지를 만드세요.',
  'volume.notBootable': '{name} 블록 스토리지는 부팅할 수 없습니다(bootable이 아님).',
  'volume.bootVolume': '{name} 블록 스토리지는 {instance} 인스턴스의 루트 디스크라서 연결을 해제할 수 없습니다.',
  'instance.locked': '{name} 인스턴스가 잠겨 있습니다. 관리자나 잠근 사용자가 잠금을 해제해야 합니다.',
  'instance.backupRotation': '백업 보관 개수(rotation)는 0 이상의 정수입니다.',
});

const en = checkedCatalogue({
  'lifecycle.invalidState': 'Cannot {action} {kind} {name} while it is {status}',
  'resource.notFound': 'No {kind} with id {id}',
  'resource.notInProject': 'No {kind} with id {id} in this project',
  'name.required': 'Enter a name',
  'name.tooLong': 'Names have at most {max} characters',
  'name.invalid': 'Use letters, digits, ".", "_" and "-", starting with a letter or digit',
  'name.taken': 'A {kind} named {name} already exists',
  'description.tooLong': 'Descriptions have at most {max} characters',
  'description.controlCharacters': 'Descriptions may not contain control characters',
  'zone.invalid': 'No zone {zone}; choose one of {zones}',
  'quota.exceeded': 'Quota exceeded for {resource} (limit {limit}): this needs {wanted}, but only {left} of {limit} are left',
  'permission.readDenied': 'You cannot read this project',
  'permission.viewerReadOnly': 'Viewers can only look; ask a project admin for the member role to change resources',
  'permission.adminOnly': 'Only project admins can manage members',
  'project.notActivated': 'Compute & Network is not activated in project {name}; use [상품이용] to activate it first',
  'project.alreadyActivated': 'Compute & Network is already activated in project {name}',
  'project.lastAdmin': 'A project keeps at least one admin',
  'server.busy': 'The server is busy; try again in a moment',
  'auth.wrongCredentials': 'Wrong user name or password',
  'auth.rateLimited': 'Too many failed sign-ins; try again in {seconds} seconds',
  'auth.accountDisabled': 'This account has been disabled; ask an administrator to enable it',
  'password.tooShort': 'Passwords have at least {min} characters',
  'password.tooLong': 'Passwords have at most {max} characters',
  'password.sameAsUsername': 'The password must not be the user name',
  'password.tooFewCharacters': 'The password needs at least {min} different characters',
  'password.tooCommon': 'This password is too common; choose another one',
  'password.currentIncorrect': 'The current password is incorrect',
  'password.unchanged': 'Choose a password different from the current one',
  'user.ownAccount': 'You cannot {action} your own account',
  'user.lastAdministrator': '{name} is the last administrator and cannot be {action}d',
  'user.onlyProjectAdmin': '{name} is the only admin of project {projects}; make someone else its admin first',
  'user.nameInvalid': 'User names are 2–64 letters, digits, ".", "_" or "-", starting with a letter or digit',
  'instance.flavorUnknown': 'No flavor {flavor}',
  'instance.ramTooSmall': '{image} needs at least {minRamGb} GB of RAM; {flavor} has {ramGb} GB',
  'instance.rootDiskRange': 'The root disk of {image} is {min}–{max} GB',
  'instance.countRange': 'Create {min} to {max} instances at once',
  'instance.userDataTooLarge': 'User data is at most {maxKib} KiB',
  'instance.metadataTooMany': 'An instance has at most {max} metadata items',
  'instance.metadataKeyNotFound': 'Metadata item {key} was not found',
  'instance.beingDeleted': 'Instance {name} is being deleted',
  'instance.deleted': 'Instance {id} has been deleted',
  'instance.busy': 'Cannot {action} instance {name} while it is {status}',
  'instance.needsActiveOrShutoff': 'Cannot {action} instance {name} while it is {status}; wait until it is ACTIVE or SHUTOFF',
  'instance.noConsole': 'Instance {name} runs {image}, which has no simulated console',
  'instance.notRunning': 'Instance {name} is {status}; start it first',
  'keyPair.unknownName': 'No key pair named {name}',
  'image.notActive': 'Image {name} is {status}; wait until it is active',
  'image.needsShutoff': 'Shut instance {instance} down first: an image is made from a SHUTOFF instance, and it is {status}',
  'image.needsActiveOrShutoff': 'Instance {instance} is {status}; an image is made from an ACTIVE or SHUTOFF instance',
  'image.publicImmutable': '{name} is a public image and cannot be changed; only private images can',
  'volume.inUse': 'Volume {name} is attached to {instance} as {device}; detach it before deleting',
  'volume.alreadyAttached': 'Volume {name} is already attached to {instance} as {device}; a volume attaches to one instance at a time',
  'volume.otherZone': 'Volume {name} is in {zone} but instance {instance} is in {instanceZone}; attach it to an instance of the same zone',
  'volume.noFreeDevice': 'Instance {instance} has no free device left for another volume',
  'volume.notAttached': 'Volume {name} is not attached to any instance',
  'volume.attachedElsewhere': 'Volume {name} is attached to {instance}, not to that instance',
  'volume.canOnlyGrow': 'Volume {name} is {sizeGb} GB and can only grow; choose more than {sizeGb} GB',
  'volume.hasSnapshots': 'Volume {name} has {count} snapshot(s); delete them before deleting the volume',
  'volume.beingDeleted': 'Volume {name} is being deleted',
  'volume.sizeRange': 'Block storage is {min}–{max} GB, in whole GB',
  'volume.typeInvalid': 'Volume type is one of {types}',
  'snapshot.tooSmallFor': 'A volume from snapshot {name} needs at least {sizeGb} GB',
  'snapshot.otherZone': 'Snapshot {name} is in {zone}; a volume made from it is created in the same zone',
  'snapshot.notAvailable': 'Snapshot {name} is {status}; wait until it is available',
  'securityGroup.defaultRename': 'The default security group cannot be renamed',
  'securityGroup.defaultDelete': 'The default security group cannot be deleted',
  'securityGroup.inUse': 'Security group {name} is in use by {count} port(s); remove it from them first',
  'securityGroup.remoteOfRule': 'Security group {name} is the remote of a rule in {group}; delete that rule first',
  'securityGroup.duplicateRule': 'Security group {name} already has this rule: {rule}',
  'floatingIp.poolExhausted': 'The public address pool is exhausted; release a floating IP first',
  'floatingIp.alreadyConnected': 'Floating IP {address} is already connected to {fixedIp}; disconnect it first',
  'floatingIp.portHasOne': 'Port {fixedIp} already has floating IP {address}',
  'floatingIp.notConnected': 'Floating IP {address} is not connected',
  'network.noFreeAddress': 'Subnet {cidr} of {network} has no free address left',
  'loadBalancer.lastListener': 'Listener {listener} is the last listener of {loadBalancer}; delete the load balancer instead',
  'loadBalancer.alreadyMember': '{instance} is already a member of listener {listener}',
  'loadBalancer.portTaken': '{loadBalancer} already has listener {listener} on port {port}; a port can be used by one listener only',
  'loadBalancer.membersRequired': 'Add at least one instance',
  'loadBalancer.membersTooMany': 'At most {max} instances',
  'loadBalancer.memberOtherSubnet': "{instance} is not on the load balancer's subnet {cidr}; members must be on the same subnet",
  'loadBalancer.memberTwice': '{instance} is added twice',
  'loadBalancer.subnetGone': 'The subnet of {loadBalancer} is gone',
  'metadata.keyLength': 'Metadata keys have {min} to {max} characters',
  'metadata.valueTooLong': 'Metadata value of {key} must be a string of at most {max} characters',
  'volume.metadataTooMany': 'A volume has at most {max} metadata items',
  'address.notIpv4': '{address} is not an IPv4 address',
  'loadBalancer.expectedCodesFormat': 'Expected codes are one code (200), a list (200,202) or a range (200-204)',
  'loadBalancer.httpCodeRange': 'HTTP status codes are from {min} to {max}',
  'loadBalancer.codeRangeReversed': 'The range {range} ends before it starts',
  'loadBalancer.tlsRequired': 'A TERMINATED_HTTPS listener needs a certificate and its private key',
  'loadBalancer.tlsNotAllowed': 'Only TERMINATED_HTTPS listeners take a certificate',
  'loadBalancer.allowedCidrsTooMany': 'At most {max} allowed CIDRs',
  'loadBalancer.cidrNotIpv4': '{cidr} is IPv6; load balancers here listen on IPv4 only',
  'loadBalancer.cookiePersistenceProtocol': '{type} persistence needs an HTTP or TERMINATED_HTTPS listener; a {protocol} listener cannot read cookies. Use SOURCE_IP',
  'loadBalancer.cookieNameNotAllowed': 'Only APP_COOKIE persistence takes a cookie name',
  'loadBalancer.cookieNameRequired': 'Enter the name of the application cookie',
  'loadBalancer.cookieNameInvalid': "Cookie names use letters, digits and !#$%&'*+.^_`|~-, no spaces",
  'loadBalancer.timeoutLongerThanInterval': 'The timeout ({timeoutSeconds} s) cannot be longer than the interval ({delaySeconds} s)',
  'loadBalancer.urlPathInvalid': 'A URL path starts with "/" and has no spaces, e.g. /health',
  'certificate.notPem': 'The certificate must be PEM text starting with -----BEGIN CERTIFICATE-----',
  'certificate.invalid': 'The certificate is not a valid PEM X.509 certificate',
  'certificate.keyEncrypted': 'The private key is protected by a passphrase; paste the unencrypted key',
  'certificate.keyNotPem': 'The private key must be PEM text starting with -----BEGIN PRIVATE KEY-----',
  'certificate.keyInvalid': 'The private key is not a valid PEM private key',
  'certificate.keyMismatch': 'The private key does not belong to the certificate',
  'certificate.expired': 'The certificate expired on {date}',
  'input.unknownField': 'Unknown field {fields}',
  'input.confirmName': 'Type the project name "{name}" to confirm the reset',
  'input.oneOf': '{field} is one of {allowed}',
  'input.invalidEnum': '{detail}',
  'input.range': '{field} is from {min} to {max}',
  'input.wholeNumber': '{field} is a whole number ≥ 0',
  'input.finiteNumber': '{field} must be a finite number',
  'input.tooSmall': '{detail}',
  'input.tooBig': '{detail}',
  'input.invalidFormat': '{detail}',
  'input.required': '{detail}',
  'input.invalidJson': 'The request body is not valid JSON',
  'input.invalid': '{detail}',
  'image.uploadTooLarge': 'An image is at most {maxBytes} bytes',
  'image.notQueued': 'Image {id} is {status}: only a queued image takes data',
  'image.toggleNeedsActive': 'Image {id} is {status}: only an active image can be deactivated or reactivated',
  'image.deactivated': 'Image {id} is deactivated: its data cannot be downloaded',
  'image.protected': 'Image {id} is protected and cannot be deleted',
  'project.unknownName': 'No project named {name}',
  'state.importNeedsEmptyProject': 'A state is imported into an empty project: reset the project first',
  'state.doesNotFit': 'The state file does not fit this sandbox: {detail}',
  'state.notObject': 'The file is not a Sandcloud state: expected a JSON object',
  'state.wrongFormat': 'The file is not a Sandcloud state (format {format}, expected "{expected}")',
  'state.versionInvalid': 'The state file has no valid version number',
  'state.versionTooNew': 'The state file is version {version}, written by a newer Sandcloud; this one reads version {max} at most',
  'state.damaged': 'The state file is damaged: {part}',
  'seed.unknownUser': 'The seed names a user {username} it does not create',
  'seed.notObject': 'The seed must be a state file or an object with users and projects',
  'seed.unknownField': 'The seed has an unknown field {field} (expected users, projects)',
  'seed.usersInvalid': 'Seed users are a list of username and password (admin: true for administrators)',
  'seed.projectsInvalid': 'Seed projects are a list with at least a name',
  'seed.membersInvalid': 'Members of seed project {project} are a list of username and role ({roles})',
  'keyPair.publicKeyInvalid': 'The public key is not valid: {detail}',
  'securityGroup.ruleInvalid': 'The rule is not valid: {detail}',
  'instance.metadataInvalid': 'The metadata is not valid: {detail}',
  'address.cidrInvalid': 'The CIDR is not valid: {detail}',
  'auth.loginRequired': 'Log in to continue',
  'auth.csrfInvalid': 'The request is missing its CSRF token; reload the page and try again',
  'permission.administratorsOnly': 'Only administrators can do this',
  'user.unknownName': 'No user named {name}',
  'list.unknownFilter': 'Unknown filter "{key}": filter by {known}',
  'list.noFilters': 'Unknown filter "{key}": this list has no field filters',
  'list.unknownSort': 'Cannot sort by "{sort}": sort by {known}',
  'metrics.sinceInvalid': 'since must be a time in milliseconds since 1970',
  'classroom.csvQuoteUnclosed': 'The CSV has a quote that is never closed',
  'classroom.csvEmpty': 'The CSV has no learners',
  'address.notIpv6': '{address} is not an IPv6 address',
  'snapshot.beingDeleted': 'Snapshot {name} is being deleted',
  'serverGroup.nameLength': "A server group's name has 1 to {max} characters",
  'image.notShared': 'Image {id} is not shared: only an image of visibility shared has members',
  'image.memberRequired': 'Name the project to share the image with',
  'image.memberOwnProject': 'An image is not shared with its own project',
  'image.memberExists': 'Project {project} is already a member of image {id}',
  'image.memberStatusOwnOnly': 'Only project {project} can accept or reject its membership of image {id}',
  'image.ownerOnly': 'Only the owner of image {id} can do this',
  'volume.oneSource': 'A volume is made from a snapshot or from an image, not both',
  'volume.imageTooLarge': 'Image {image} needs a volume of at least {minDiskGb} GB',
  'volume.notReserved': 'Volume {name} is being attached to {instance}, not reserved',
  'volume.readOnlyNeedsAvailable': "Volume {name} is {status}; its read-only flag changes only while it is available",
  'volume.uploadInUse': 'Volume {name} is attached; detach it first or upload with force',
  'volume.notBootable': 'Volume {name} is not bootable',
  'volume.bootVolume': 'Volume {name} is the root disk of instance {instance} and cannot be detached',
  'instance.locked': 'Instance {name} is locked; an administrator or the user who locked it must unlock it first',
  'instance.backupRotation': 'The backup rotation is a whole number of 0 or more',
});

export const errorCatalogue: Record<Language, ErrorCatalogue> = { ko, en };

/** Resource kinds as the engine names them (`instance`, `load balancer`), in Korean. */
const KIND_KO: Record<string, string> = {
  instance: '인스턴스',
  volume: '블록 스토리지',
  snapshot: '스냅샷',
  image: '이미지',
  'load balancer': '로드 밸런서',
  listener: '리스너',
  member: '멤버',
  'security group': '보안 그룹',
  'security group rule': '보안 그룹 규칙',
  'key pair': '키페어',
  'floating IP': 'Floating IP',
  network: '네트워크',
  subnet: '서브넷',
  port: '포트',
  project: '프로젝트',
  'project member': '프로젝트 멤버',
  user: '사용자',
  tag: '태그',
};

/** Lifecycle actions as the engine words them (`hard reboot`, `create volume`), as Korean verbs before 할 수 없습니다. */
const ACTION_KO: Record<string, string> = {
  start: '시작',
  stop: '중지',
  reboot: '재부팅',
  'hard reboot': '하드 재부팅',
  delete: '삭제',
  disable: '비활성화',
  attach: '연결',
  detach: '연결 해제',
  extend: '확장',
  snapshot: '스냅샷 생성',
  'create volume': '블록 스토리지 생성',
  'create image': '이미지 생성',
  capture: '이미지 생성',
  update: '변경',
  'change security groups': '보안 그룹 변경',
  resize: '타입 변경',
  'confirm resize': '타입 변경 확인',
  'revert resize': '타입 변경 되돌리기',
  rebuild: '재구축',
};

/** Quota names as the engine meters them, in Korean (English: the domain's `QUOTA_LABELS`). */
const QUOTA_KO: Record<QuotaName, string> = {
  instances: '인스턴스',
  vcpus: 'vCPU',
  ramMb: 'RAM(MB)',
  floatingIps: 'Floating IP',
  securityGroups: '보안 그룹',
  securityGroupRules: '보안 그룹 규칙',
  keyPairs: '키페어',
  volumes: '블록 스토리지',
  volumeGb: '블록 스토리지(GB)',
  volumeSnapshots: '블록 스토리지 스냅샷',
  loadBalancers: '로드 밸런서',
  networks: '네트워크',
};

/**
 * The particle after `word`: the first form after a final consonant (은, 이, 을), the second after
 * a vowel (는, 가, 를); a word not ending in Hangul takes both ("Floating IP은(는)").
 */
function particle(word: string, afterConsonant: string, afterVowel: string): string {
  const last = word.charCodeAt(word.length - 1);
  if (last < 0xac00 || last > 0xd7a3) return `${afterConsonant}(${afterVowel})`;
  return (last - 0xac00) % 28 === 0 ? afterVowel : afterConsonant;
}

/** 은 after a final consonant, 는 after a vowel. */
export const topicParticle = (word: string): string => particle(word, '은', '는');

type Params = Readonly<Record<string, string | number>>;

function localizedParams(language: Language, params: Params): Record<string, string | number> {
  const out: Record<string, string | number> = { ...params };
  if (language === 'ko') {
    if (typeof params.kind === 'string') out.kind = KIND_KO[params.kind] ?? params.kind;
    if (typeof params.action === 'string') out.action = ACTION_KO[params.action] ?? params.action;
    if (typeof params.resource === 'string' && isQuotaName(params.resource)) out.resource = QUOTA_KO[params.resource];
    if (typeof out.kind === 'string') {
      out.kindTopic = `${out.kind}${topicParticle(out.kind)}`;
      out.kindSubject = `${out.kind}${particle(out.kind, '이', '가')}`;
      out.kindObject = `${out.kind}${particle(out.kind, '을', '를')}`;
    }
  } else if (typeof params.resource === 'string' && isQuotaName(params.resource)) {
    out.resource = QUOTA_LABELS[params.resource];
  }
  return out;
}

const fill = (template: string, params: Params): string =>
  template.replace(/\{(\w+)\}/g, (match, name: string) => (name in params ? String(params[name]) : match));

const isKnown = (code: string): code is ErrorMessageCode => Object.hasOwn(ko, code);

/**
 * An API error's message in `language`: from the catalogue when the console knows its code and
 * the server sent every value it needs, otherwise the server's own (English) message.
 */
export function localizeErrorMessage(language: Language, messageCode: string | undefined, params: Params | undefined, fallback: string): string {
  if (!messageCode || !isKnown(messageCode)) return fallback;
  const values = localizedParams(language, params ?? {});
  const text = fill(errorCatalogue[language][messageCode], values);
  return /\{\w+\}/.test(text) ? fallback : text;
}
